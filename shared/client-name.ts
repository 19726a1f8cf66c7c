import * as z from 'zod/mini';
import { CLIENT_NAME_MAX } from './limits.js';
import { requiredString } from './fields.js';

/** Control, format (bidi, zero-width), surrogate, private-use and unassigned code points. */
const UNSAFE_NAME_CHARS = /[\p{C}\p{Zl}\p{Zp}]/u;

/**
 * The name an agent gives itself at authorize. The consent page shows it to the person, so it must
 * read as what it is. The server checks it; the scope explorer checks what a developer types.
 */
export const clientNameSchema = requiredString(
  'client_name',
  'a short name the person will recognise',
  z.superRefine((value: string, ctx) => {
    const length = [...value].length;
    if (length < 1 || length > CLIENT_NAME_MAX || value.trim() !== value || value.trim() === '') {
      ctx.addIssue({
        code: 'custom',
        message: `client_name must be 1-${CLIENT_NAME_MAX} characters with no leading or trailing spaces`,
      });
    } else if (UNSAFE_NAME_CHARS.test(value)) {
      ctx.addIssue({
        code: 'custom',
        message: 'client_name must not contain control, bidirectional or zero-width characters',
      });
    }
  }),
);
