import type { Clock } from '../clock.js';

/**
 * Per-account brake on password guessing: after MAX_FAILURES wrong passwords within WINDOW_MS the
 * account refuses sign-in until the window has passed. Per-IP limits are express-rate-limit's job.
 */
const MAX_FAILURES = 5;
const WINDOW_MS = 15 * 60 * 1000;

export class SignInThrottle {
  private failures = new Map<string, number[]>();

  constructor(private readonly clock: Clock) {}

  /** Seconds until the account may try again, or 0. */
  retryAfterSeconds(email: string): number {
    const recent = this.recent(email);
    if (recent.length < MAX_FAILURES) return 0;
    return Math.ceil((recent[0]! + WINDOW_MS - this.clock()) / 1000);
  }

  /**
   * Counts this attempt as a failure now, before the slow password check, so guesses sent in
   * parallel cannot all get past the limit; a right password then clears the count (reset).
   * Returns the seconds to wait when the account is locked (the attempt is then not counted), or 0.
   */
  beginAttempt(email: string): number {
    const wait = this.retryAfterSeconds(email);
    if (wait === 0) this.recordFailure(email);
    return wait;
  }

  recordFailure(email: string): void {
    this.failures.set(email, [...this.recent(email), this.clock()]);
  }

  reset(email: string): void {
    this.failures.delete(email);
  }

  private recent(email: string): number[] {
    const since = this.clock() - WINDOW_MS;
    const list = (this.failures.get(email) ?? []).filter((t) => t > since);
    if (list.length === 0) this.failures.delete(email);
    return list;
  }
}
