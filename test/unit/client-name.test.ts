import { describe, expect, it } from 'vitest';
import { clientNameSchema } from '../../shared/client-name.js';

const problem = (value: unknown) => {
  const result = clientNameSchema.safeParse(value);
  return result.success ? undefined : result.error.issues[0]?.message;
};

describe('client_name', () => {
  it('accepts 1 to 80 printable characters, including accents and emoji', () => {
    expect(problem('A')).toBeUndefined();
    expect(problem('Agent Ünïcødé 🤖')).toBeUndefined();
    expect(problem('x'.repeat(80))).toBeUndefined();
  });

  it('counts characters, not UTF-16 units, against the 80 limit', () => {
    expect(problem('🤖'.repeat(80))).toBeUndefined();
    expect(problem('🤖'.repeat(81))).toMatch(/1-80 characters/);
  });

  it('refuses an empty name, a blank name and one longer than 80 characters', () => {
    expect(problem('')).toMatch(/1-80 characters/);
    expect(problem('   ')).toMatch(/1-80 characters/);
    expect(problem('x'.repeat(81))).toMatch(/1-80 characters/);
  });

  it('refuses a missing name with a message saying it is required', () => {
    expect(problem(undefined)).toMatch(/client_name is required/);
  });

  it.each([
    ['a newline', 'Agent\nName'],
    ['a NUL', 'Agent\u0000'],
    ['a right-to-left override', 'Agent \u202Egnp.exe'],
    ['a bidi isolate', 'Agent \u2067x'],
    ['a zero-width space', 'Pay\u200Bpal'],
    ['a zero-width joiner', 'Agent\u200Dx'],
    ['a byte-order mark', 'Ag\uFEFFent'],
    ['a line separator', 'Agent\u2028x'],
  ])('refuses %s', (_label, value) => {
    expect(problem(value)).toMatch(/control, bidirectional or zero-width/);
  });
});
