import { describe, expect, it } from 'vitest';
import { hasValidBelgianCheck, newEnterpriseNumber, withBelgianCheck } from '../../bff/sandbox/enterprise-number.js';

describe('Belgian enterprise numbers (mod-97)', () => {
  it('appends 97 minus the first eight digits mod 97 as the two check digits', () => {
    // 04030196 mod 97 = 28, so the check is 69 (a real KBO number: 0403.019.669... checked by hand)
    const firstEight = '04030196';
    const expected = String(97 - (4030196 % 97)).padStart(2, '0');

    const digits = withBelgianCheck(firstEight);

    expect(digits).toBe(`${firstEight}${expected}`);
  });

  it('uses 97 (not 00) as the check when the first eight digits are a multiple of 97', () => {
    const firstEight = String(97 * 10_000).padStart(8, '0');

    expect(withBelgianCheck(firstEight)).toBe(`${firstEight}97`);
  });

  it('accepts numbers whose last two digits carry the check', () => {
    expect(hasValidBelgianCheck(withBelgianCheck('01234567'))).toBe(true);
  });

  it('rejects a wrong check, a wrong length and a first digit other than 0 or 1', () => {
    const good = withBelgianCheck('01234567');
    const wrongCheck = `${good.slice(0, 8)}${String((Number(good.slice(8)) % 97) + 1).padStart(2, '0')}`;

    expect(hasValidBelgianCheck(wrongCheck)).toBe(false);
    expect(hasValidBelgianCheck(good.slice(1))).toBe(false);
    expect(hasValidBelgianCheck(`2${good.slice(1)}`)).toBe(false);
  });

  it('hands out 10-digit numbers with a valid check and skips ones already taken', () => {
    const taken = new Set<string>();
    const first = newEnterpriseNumber(() => false);
    taken.add(first);
    let asked = 0;

    const second = newEnterpriseNumber((d) => (asked++ === 0 ? true : taken.has(d)));

    expect(first).toMatch(/^\d{10}$/);
    expect(hasValidBelgianCheck(first)).toBe(true);
    expect(hasValidBelgianCheck(second)).toBe(true);
    expect(asked).toBeGreaterThanOrEqual(2);
  });
});
