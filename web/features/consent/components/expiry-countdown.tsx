import { useEffect } from 'react';
import { useNow } from '../../../lib/use-now.js';

const WARN_BELOW_MS = 60_000;

/** mm:ss for a countdown; never negative. */
function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return `${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}`;
}

interface ExpiryCountdownProps {
  expiresAt: string;
  onExpire: () => void;
}

/** mm:ss until the request expires, updated every second; calls onExpire once it reaches zero. */
export function ExpiryCountdown({ expiresAt, onExpire }: ExpiryCountdownProps) {
  const now = useNow();
  const remaining = Date.parse(expiresAt) - now;
  const expired = !(remaining > 0);

  useEffect(() => {
    if (expired) onExpire();
  }, [expired, onExpire]);

  return (
    // role="timer" is not announced on every tick, which is what we want for a ticking clock.
    <time
      role="timer"
      dateTime={expiresAt}
      className={remaining < WARN_BELOW_MS ? 'countdown countdown-warning' : 'countdown'}
    >
      {formatCountdown(remaining)}
    </time>
  );
}
