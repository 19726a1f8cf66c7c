import request from 'supertest';
import type { Express } from 'express';

/** POST /v1/oauth/token with an authorization_code grant; `extra` overrides or adds fields. */
export function exchange(app: Express, code: string, verifier: string, extra: Record<string, unknown> = {}) {
  return request(app)
    .post('/v1/oauth/token')
    .send({ grant_type: 'authorization_code', code, code_verifier: verifier, ...extra });
}
