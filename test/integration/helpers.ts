import request, { type Response } from 'supertest';
import type { Express } from 'express';
import { expect } from 'vitest';
import { apiErrorSchema } from '../../shared/errors.js';
import { bootstrapResponseSchema, type BootstrapResponse } from '../../shared/sandbox.js';
import { strict } from '../support/strict.js';

/** Asserts a JSON error of exactly `{ error, error_description }` with the given status and code. */
export function expectApiError(res: Response, status: number, error: string, description?: RegExp) {
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  const body = strict(apiErrorSchema).parse(res.body);
  expect(body.error).toBe(error);
  if (description) expect(body.error_description).toMatch(description);
}

/** POST /v1/sandbox/bootstrap; returns the parsed body. */
export async function bootstrap(app: Express, body: Record<string, unknown> = {}): Promise<BootstrapResponse> {
  const res = await request(app).post('/v1/sandbox/bootstrap').send(body);
  if (res.status !== 200) throw new Error(`bootstrap failed: ${res.status} ${JSON.stringify(res.body)}`);
  return bootstrapResponseSchema.parse(res.body);
}

export const bearer = (key: string) => ({ Authorization: `Bearer ${key}` });
