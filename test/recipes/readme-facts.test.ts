import { createHash, randomBytes } from 'node:crypto';
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../shared/errors.js';
import { issuedKey, makeTestApp, type TestApp } from '../support/test-app.js';
import { README_HOST, readmeRecipe, readmeText } from './support/readme-recipes.js';

let t: TestApp;
afterEach(() => t?.close());

const section = (title: string) => {
  const readme = readmeText();
  const start = readme.indexOf(`\n## ${title}\n`);
  if (start === -1) throw new Error(`README.md has no "## ${title}" section`);
  const end = readme.indexOf('\n## ', start + 1);
  return readme.slice(start, end === -1 ? undefined : end);
};

/** What the public page's recipe does: deletes + / = from standard base64 instead of translating. */
function brokenChallenge(): string {
  for (;;) {
    const digest = createHash('sha256').update(randomBytes(48).toString('base64url')).digest('base64');
    if (/[+/]/.test(digest)) return digest.replace(/[+/=]/g, '');
  }
}

describe('README facts the server must keep true', () => {
  it("shows the server's exact answer to a challenge built with tr -d '+/='", async () => {
    t = await makeTestApp();

    const res = await request(t.app)
      .post('/exchange/v1/oauth/authorize')
      .send({ client_name: 'curl agent', scopes: ['send'], code_challenge: brokenChallenge(), code_challenge_method: 'S256' });

    expect(res.status).toBe(400);
    expect(section('Troubleshooting')).toContain(`\n${JSON.stringify(res.body)}\n`);
  });

  it("shows the server's exact 403 insufficient_scope answer and header", async () => {
    t = await makeTestApp();
    const { token } = await issuedKey(t.app, { body: { scopes: ['documents.read'] } });

    const res = await request(t.app).get('/exchange/v1/companies').set('Authorization', `Bearer ${token.access_token}`);

    expect(res.status).toBe(403);
    expect(readmeText()).toContain(`\n${JSON.stringify(res.body)}\n`);
    expect(readmeText()).toContain(`\nWWW-Authenticate: ${res.headers['www-authenticate']}\n`);
  });

  it('explains every error code in Troubleshooting', () => {
    const troubleshooting = section('Troubleshooting');

    const unexplained = ERROR_CODES.filter((code) => !troubleshooting.includes(`\`${code}\``));

    expect(unexplained).toEqual([]);
  });

  it.each(['sandbox-bootstrap', 'curl-consent', 'python-consent', 'typescript-consent'])(
    'writes the %s recipe against the documented local host',
    (name) => {
      expect(readmeRecipe(name).code).toContain(`${README_HOST}/exchange`);
    },
  );

  it('builds the curl challenge by translating base64 to base64url', () => {
    expect(readmeRecipe('curl-consent').code).toContain("openssl base64 -A | tr '+/' '-_' | tr -d '='");
    expect(readmeRecipe('curl-consent').code).not.toContain("tr -d '+/='");
  });
});
