import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { hasValidBelgianCheck } from '../../../bff/sandbox/enterprise-number.js';
import { bootstrapResponseSchema } from '../../../shared/sandbox.js';
import { SCOPE_NAMES } from '../../../shared/scopes.js';
import { makeTestApp, T0, type TestApp } from '../../support/test-app.js';
import { bearer, bootstrap, expectApiError } from '../helpers.js';
import { strict } from '../../support/strict.js';

let t: TestApp;
afterEach(() => t?.close());

describe('POST /v1/sandbox/bootstrap', () => {
  it('returns exactly the documented shape', async () => {
    t = await makeTestApp();

    const res = await request(t.app).post('/v1/sandbox/bootstrap').send({ label: 'my-agent' });

    expect(res.status).toBe(200);
    const body = strict(bootstrapResponseSchema).parse(res.body);
    expect(Object.keys(body.company).sort()).toEqual(['country', 'id', 'name', 'peppolId', 'vatNumber']);
  });

  it('issues org_sbx_ organizations and flw_test_ keys of at least 32 base62 characters, prefix = first 13', async () => {
    t = await makeTestApp();

    const body = await bootstrap(t.app, { label: 'my-agent' });

    expect(body.organizationId).toMatch(/^org_sbx_[A-Za-z0-9]+$/);
    expect(body.apiKey).toMatch(/^flw_test_[A-Za-z0-9]{32,}$/);
    expect(body.keyPrefix).toBe(body.apiKey.slice(0, 13));
    expect(body.keyType).toBe('personal');
  });

  it('gives a Belgian sandbox company whose Peppol id and VAT number share 10 digits with a valid mod-97 check', async () => {
    t = await makeTestApp();

    const { company } = await bootstrap(t.app);

    expect(company.id).toMatch(/^comp_sbx_[A-Za-z0-9]+$/);
    expect(company.peppolId).toMatch(/^0208:\d{10}$/);
    const digits = company.peppolId.slice(5);
    expect(company.vatNumber).toBe(`BE${digits}`);
    expect(hasValidBelgianCheck(digits)).toBe(true);
    expect(company.country).toBe('BE');
    expect(company.name.length).toBeGreaterThan(0);
  });

  it('makes the key expire 7 days after the call, by the injected clock', async () => {
    t = await makeTestApp();

    const { expiresAt } = await bootstrap(t.app);

    expect(expiresAt).toBe(new Date(T0 + 7 * 86_400_000).toISOString());
  });

  it('makes a new organization, company, key and 10-digit number on every call', async () => {
    t = await makeTestApp({ BOOTSTRAP_RATE_LIMIT: '100' });

    const all = await Promise.all(Array.from({ length: 12 }, () => bootstrap(t.app)));

    const distinct = (pick: (b: (typeof all)[number]) => string) => new Set(all.map(pick)).size;
    expect(distinct((b) => b.organizationId)).toBe(12);
    expect(distinct((b) => b.apiKey)).toBe(12);
    expect(distinct((b) => b.company.id)).toBe(12);
    expect(distinct((b) => b.company.vatNumber)).toBe(12);
  });

  it('gives the bootstrap key every scope', async () => {
    t = await makeTestApp();
    const { apiKey } = await bootstrap(t.app);

    const res = await request(t.app).get('/v1/api-keys/current').set(bearer(apiKey));

    expect(res.body.scopes).toEqual([...SCOPE_NAMES]);
  });

  it('starts the sandbox with sample invoices and credit notes, sent and received', async () => {
    t = await makeTestApp();
    const { apiKey, organizationId } = await bootstrap(t.app);

    const res = await request(t.app).get('/v1/documents?limit=100').set(bearer(apiKey));

    const docs = res.body.data as { type: string; direction: string; organizationId: string }[];
    expect(docs.length).toBeGreaterThanOrEqual(4);
    expect(new Set(docs.map((d) => d.type))).toEqual(new Set(['invoice', 'credit_note']));
    expect(new Set(docs.map((d) => d.direction))).toEqual(new Set(['sent', 'received']));
    expect(docs.every((d) => d.organizationId === organizationId)).toBe(true);
  });

  it('accepts a form-encoded body', async () => {
    t = await makeTestApp();

    const res = await request(t.app).post('/v1/sandbox/bootstrap').type('form').send('label=form-agent');

    expect(res.status).toBe(200);
    bootstrapResponseSchema.parse(res.body);
  });

  it('accepts a call with no body at all', async () => {
    t = await makeTestApp();

    const res = await request(t.app).post('/v1/sandbox/bootstrap');

    expect(res.status).toBe(200);
  });

  it('sends Cache-Control: no-store with the key', async () => {
    t = await makeTestApp();

    const res = await request(t.app).post('/v1/sandbox/bootstrap').send({});

    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('refuses a label with control characters or over 80 characters as invalid_request', async () => {
    t = await makeTestApp();

    const control = await request(t.app).post('/v1/sandbox/bootstrap').send({ label: 'bad\u0007label' });
    const long = await request(t.app).post('/v1/sandbox/bootstrap').send({ label: 'x'.repeat(81) });

    expectApiError(control, 400, 'invalid_request', /label/);
    expectApiError(long, 400, 'invalid_request', /label must be at most 80/);
  });
});
