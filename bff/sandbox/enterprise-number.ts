import { randomInt } from 'node:crypto';

/**
 * Belgian enterprise numbers: 10 digits, the first 0 or 1, the last two a mod-97 check:
 * check = 97 - (first eight digits mod 97).
 */
export function withBelgianCheck(firstEight: string): string {
  const check = 97 - (Number(firstEight) % 97);
  return `${firstEight}${String(check).padStart(2, '0')}`;
}

export function hasValidBelgianCheck(digits: string): boolean {
  return /^[01]\d{9}$/.test(digits) && withBelgianCheck(digits.slice(0, 8)) === digits;
}

/** A fresh random number not yet handed out. */
export function newEnterpriseNumber(isTaken: (digits: string) => boolean): string {
  for (;;) {
    const firstEight = `0${String(randomInt(1_000_000, 10_000_000)).padStart(7, '0')}`;
    const digits = withBelgianCheck(firstEight);
    if (!isTaken(digits)) return digits;
  }
}
