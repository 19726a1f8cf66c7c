import * as z from 'zod/mini';
import { requiredString } from './fields.js';
import { DOCUMENTS_LIMIT_DEFAULT, DOCUMENTS_LIMIT_MAX } from './limits.js';

const partySchema = z.object({ name: z.string(), peppolId: z.string(), vatNumber: z.string() });

export const documentSchema = z.object({
  id: z.string(),
  organizationId: z.string(),
  type: z.enum(['invoice', 'credit_note']),
  direction: z.enum(['sent', 'received']),
  number: z.string(),
  status: z.enum(['delivered', 'received', 'read', 'paid', 'failed']),
  issueDate: z.string(),
  dueDate: z.nullable(z.string()),
  currency: z.literal('EUR'),
  totals: z.object({ net: z.string(), vat: z.string(), gross: z.string() }),
  seller: partySchema,
  buyer: partySchema,
  lines: z.array(
    z.object({ description: z.string(), quantity: z.number(), unitPrice: z.string(), vatRate: z.number() }),
  ),
  profile: z.string(),
  createdAt: z.string(),
  sample: z.literal(true),
});
export type PeppolDocument = z.infer<typeof documentSchema>;

const LIMIT_HELP = `limit must be a whole number from 1 to ${DOCUMENTS_LIMIT_MAX}`;

export const documentListQuerySchema = z.object({
  limit: z._default(
    z.coerce.number({ error: LIMIT_HELP }).check(
      z.int({ error: LIMIT_HELP }),
      z.gte(1, { error: LIMIT_HELP }),
      z.lte(DOCUMENTS_LIMIT_MAX, { error: LIMIT_HELP }),
    ),
    DOCUMENTS_LIMIT_DEFAULT,
  ),
  cursor: z.optional(z.string({ error: 'cursor must be a single value' }).check(z.maxLength(200))),
});

export const documentSearchQuerySchema = z.extend(documentListQuerySchema, {
  q: requiredString(
    'q',
    'the text to search for',
    z.minLength(1, { error: 'q must not be empty' }),
    z.maxLength(200, { error: 'q must be at most 200 characters' }),
  ),
});

export const documentListResponseSchema = z.object({
  data: z.array(documentSchema),
  next_cursor: z.nullable(z.string()),
});
export type DocumentListResponse = z.infer<typeof documentListResponseSchema>;
