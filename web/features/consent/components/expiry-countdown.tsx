import { useEffect } from 'react';
import { formatCountdown } from '../../../lib/format.js';
import { useNow } from '../../../lib/use-now.js';

const WARN_BELOW_MS = 60_000;

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
