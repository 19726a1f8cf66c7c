import request from 'supertest';
import type { Express } from 'express';
import { pkcePair } from '../../support/test-app.js';

/** POST /v1/oauth/authorize with a valid body, overridden by `changes` (undefined deletes a field). */
export function authorize(app: Express, changes: Record<string, unknown> = {}) {
  const body: Record<string, unknown> = {
    client_name: 'Test Agent',
    scopes: ['documents.read'],
    code_challenge: pkcePair().challenge,
    code_challenge_method: 'S256',
    ...changes,
  };
  for (const [name, value] of Object.entries(changes)) if (value === undefined) delete body[name];
  return request(app).post('/v1/oauth/authorize').send(body);
}
