import * as z from 'zod/mini';
import { LABEL_MAX } from './limits.js';

export const companySchema = z.object({
  id: z.string(),
  peppolId: z.string(),
  vatNumber: z.string(),
  name: z.string(),
  country: z.string(),
});
export type Company = z.infer<typeof companySchema>;

export const bootstrapRequestSchema = z.object({
  label: z.optional(
    z.string({ error: 'label must be a string' }).check(
      z.minLength(1, { error: 'label must not be empty' }),
      z.maxLength(LABEL_MAX, { error: `label must be at most ${LABEL_MAX} characters` }),
      z.regex(/^[^\p{C}]*$/u, { error: 'label must not contain control or invisible characters' }),
    ),
  ),
});
export type BootstrapRequest = z.infer<typeof bootstrapRequestSchema>;

export const bootstrapResponseSchema = z.object({
  organizationId: z.string(),
  apiKey: z.string(),
  keyPrefix: z.string(),
  keyType: z.literal('personal'),
  company: companySchema,
  expiresAt: z.string(),
});
export type BootstrapResponse = z.infer<typeof bootstrapResponseSchema>;

export const companyListResponseSchema = z.object({ data: z.array(companySchema) });
