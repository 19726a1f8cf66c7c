import * as z from 'zod/mini';

export const currentKeyResponseSchema = z.object({
  id: z.string(),
  keyPrefix: z.string(),
  keyType: z.literal('personal'),
  organizationId: z.string(),
  scopes: z.array(z.string()),
  createdAt: z.string(),
  expiresAt: z.string(),
});
export type CurrentKeyResponse = z.infer<typeof currentKeyResponseSchema>;

export const keyIdParamSchema = z.string().check(z.maxLength(64));
