import { afterEach, vi } from 'vitest';

// A test that makes the code under test print an error is a failing test (house style).
const errors: unknown[][] = [];
vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
  errors.push(args);
});

afterEach(() => {
  if (errors.length > 0) {
    const seen = errors.splice(0).map((args) => args.map(String).join(' ')).join('\n');
    throw new Error(`console.error was called:\n${seen}`);
  }
});
