import { z } from 'zod';
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
  dueDate: z.string().nullable(),
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

export const documentListQuerySchema = z.object({
  limit: z.coerce
    .number({ error: `limit must be a whole number from 1 to ${DOCUMENTS_LIMIT_MAX}` })
    .int({ error: `limit must be a whole number from 1 to ${DOCUMENTS_LIMIT_MAX}` })
    .min(1, { error: `limit must be a whole number from 1 to ${DOCUMENTS_LIMIT_MAX}` })
    .max(DOCUMENTS_LIMIT_MAX, { error: `limit must be a whole number from 1 to ${DOCUMENTS_LIMIT_MAX}` })
    .default(DOCUMENTS_LIMIT_DEFAULT),
  cursor: z.string({ error: 'cursor must be a single value' }).max(200).optional(),
});

export const documentSearchQuerySchema = documentListQuerySchema.extend({
  q: z
    .string({ error: 'q is required: the text to search for' })
    .min(1, { error: 'q must not be empty' })
    .max(200, { error: 'q must be at most 200 characters' }),
});

export const documentListResponseSchema = z.object({
  data: z.array(documentSchema),
  next_cursor: z.string().nullable(),
});
export type DocumentListResponse = z.infer<typeof documentListResponseSchema>;
