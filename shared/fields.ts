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
      return `${name} must be a string, not ${issue.input === null ? 'null' : typeof issue.input}`;
    },
  }).check(...checks);
