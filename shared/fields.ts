import * as z from 'zod/mini';

/**
 * A required string field whose error says what actually went wrong: missing (with a hint on what to
 * send), sent more than once (a repeated form field arrives as a list), or of another type.
 */
export const requiredString = (name: string, hint: string, ...checks: z.core.$ZodCheck<string>[]) =>
  z.string({
    error: (issue) => {
      if (issue.input === undefined) return `${name} is required: ${hint}`;
      if (Array.isArray(issue.input)) return `${name} must be a single string; it was sent as a list (a repeated form field?)`;
      // A string that fails a check with no message of its own (a length limit).
      if (typeof issue.input === 'string') {
        const check = issue as unknown as { code: string; maximum?: number; minimum?: number };
        if (issue.input === '') return `${name} is empty: ${hint}`;
        if (check.code === 'too_big') return `${name} must be at most ${String(check.maximum)} characters`;
        if (check.code === 'too_small') return `${name} must be at least ${String(check.minimum)} characters`;
        return `${name} is not valid: ${hint}`;
      }
      return `${name} must be a string, not ${issue.input === null ? 'null' : typeof issue.input}`;
    },
  }).check(...checks);
