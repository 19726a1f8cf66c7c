import { createServer, type Server } from 'node:http';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokenResponseSchema } from '../../shared/oauth.js';
import { hasChromium, screenshot, watchConsole } from './support/browser.js';
import { freePort, type RealServer } from './support/server.js';
import { startStack, stopStack } from './support/stack.js';
import { pkcePair } from '../support/test-app.js';
import { approveAsPerson } from '../recipes/support/approve.js';
import { recipeEnv, recipeFile } from '../recipes/support/recipe-server.js';
import { runRecipe } from '../recipes/support/run-recipe.js';
import { missingTools } from '../recipes/support/tools.js';

let server: RealServer;
let browser: Browser;
let people = 0;
/** Short and human, as in the README screenshot (docs/consent.png); unique per run by the counter. */
const RUN = Math.random().toString(36).slice(2, 5);
const newEmail = () => `ana.${++people}${RUN}@example.be`;

async function agentStartsConsent(body: Record<string, unknown> = {}) {
  const pkce = pkcePair();
  const res = await fetch(`${server.url}/exchange/v1/oauth/authorize`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      client_name: 'Invoice Helper',
      scopes: ['send', 'documents.read', 'documents.search'],
      code_challenge: pkce.challenge,
      code_challenge_method: 'S256',
      ...body,
    }),
  });
  expect(res.status).toBe(200);
  const json = (await res.json()) as { consent_url: string };
  return { ...pkce, consentUrl: json.consent_url };
}

async function agentExchanges(code: string, verifier: string, redirectUri?: string) {
  const res = await fetch(`${server.url}/exchange/v1/oauth/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ grant_type: 'authorization_code', code, code_verifier: verifier, ...(redirectUri ? { redirect_uri: redirectUri } : {}) }),
  });
  expect(res.status).toBe(200);
  return tokenResponseSchema.parse(await res.json());
}

const agentCalls = (key: string, path = '/v1/documents?limit=5') =>
  fetch(`${server.url}/exchange${path}`, { headers: { Authorization: `Bearer ${key}` } });

/** How many lines an element's text takes on screen. */
function linesOf(element: Element): number {
  const range = document.createRange();
  range.selectNodeContents(element);
  return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
}

/** A new person opens the consent link, is sent to sign in, creates an account and lands back on the consent page. */
async function newPersonOpens(page: Page, consentUrl: string) {
  await page.goto(consentUrl);
  await page.getByRole('link', { name: 'Create account' }).click();
  await page.getByLabel('Email').fill(newEmail());
  await page.getByLabel('Password').fill('a long enough password');
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByRole('button', { name: 'Approve' }).waitFor();
}

describe.skipIf(!hasChromium)('browser journeys (real server, real Chromium)', () => {
  beforeAll(async () => ({ server, browser } = await startStack()));
  afterAll(() => stopStack({ server, browser }));

  it('serves React’s production build, even when the tests built it (NODE_ENV=test)', async () => {
    const html = await (await fetch(server.url)).text();
    const entry = /<script[^>]*src="([^"]+)"/.exec(html)?.[1];

    const js = await (await fetch(`${server.url}${entry}`)).text();

    expect(js).toContain('Minified React error');
  });

  it('a person unticks a scope, approves, copies the code (a reload no longer shows it); the agent gets only the kept scopes and reads documents', async () => {
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    const problems = watchConsole(page);
    const agent = await agentStartsConsent();

    await page.goto(agent.consentUrl);
    await screenshot(page, '01-sign-in-redirect');
    await newPersonOpens(page, agent.consentUrl);
    await expect.poll(() => page.getByText('Invoice Helper').first().isVisible()).toBe(true);
    await screenshot(page, '02-consent');
    await page.getByRole('checkbox', { name: /documents\.search/ }).uncheck();
    await page.getByRole('button', { name: 'Approve' }).click();
    const codeField = page.getByLabel('Authorization code');
    await codeField.waitFor();
    const code = await codeField.inputValue();
    await page.getByRole('button', { name: 'Copy' }).click();
    await page.getByRole('status').filter({ hasText: 'Copied' }).waitFor();
    await screenshot(page, '03-code-shown');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    await page.reload();
    await page.getByRole('heading', { name: 'This request was already answered' }).waitFor();
    await screenshot(page, '10-already-answered');
    const token = await agentExchanges(code, agent.verifier);
    const docs = await agentCalls(token.access_token);

    expect(copied).toBe(code);
    expect(token.scopes).toEqual(['send', 'documents.read']);
    expect(docs.status).toBe(200);
    expect(((await docs.json()) as { data: unknown[] }).data.length).toBeGreaterThan(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('if the code view never arrives (a stalled connection), the code is still shown and works', async () => {
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    const page = await context.newPage();
    const agent = await agentStartsConsent({ scopes: ['documents.read'] });
    await newPersonOpens(page, agent.consentUrl);
    await page.route(/\/assets\/authorization-code-[^/]*\.js$/, () => undefined); // never answered

    await page.getByRole('button', { name: 'Approve' }).click();
    const codeField = page.getByLabel('Authorization code');
    await codeField.waitFor({ timeout: 10_000 });
    const token = await agentExchanges(await codeField.inputValue(), agent.verifier);

    expect(token.scopes).toEqual(['documents.read']);
    await context.close();
  });

  it('with a redirect_uri, approving sends the browser back to the agent with code and state', async () => {
    const callbackPort = await freePort();
    const received: URL[] = [];
    const callback: Server = createServer((req, res) => {
      received.push(new URL(req.url ?? '/', `http://127.0.0.1:${callbackPort}`));
      res.setHeader('Content-Type', 'text/html').end('<h1>You can close this tab</h1>');
    }).listen(callbackPort, '127.0.0.1');
    const redirectUri = `http://127.0.0.1:${callbackPort}/callback`;
    const context = await browser.newContext();
    const page = await context.newPage();
    const agent = await agentStartsConsent({ redirect_uri: redirectUri, state: 'xyz-123', scopes: ['documents.read'] });

    await newPersonOpens(page, agent.consentUrl);
    await expect.poll(() => page.getByText(`127.0.0.1:${callbackPort}`).first().isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Approve' }).click();
    await page.waitForURL(/\/callback\?/);
    // Not received.at(-1): Chromium may ask the callback server for /favicon.ico afterwards.
    const landed = received.find((url) => url.pathname === '/callback')!;
    const token = await agentExchanges(landed.searchParams.get('code')!, agent.verifier, redirectUri);

    expect(landed.searchParams.get('state')).toBe('xyz-123');
    expect(token.scopes).toEqual(['documents.read']);
    callback.close();
    await context.close();
  });

  it('a person denies; the page confirms it and no code exists', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems = watchConsole(page);
    const agent = await agentStartsConsent();

    await newPersonOpens(page, agent.consentUrl);
    await page.getByRole('button', { name: 'Deny' }).click();
    await expect.poll(() => page.getByText(/denied/i).first().isVisible()).toBe(true);
    await screenshot(page, '04-denied');
    await page.reload();
    await expect.poll(() => page.getByText(/already|decided/i).first().isVisible()).toBe(true);

    expect(await page.getByRole('button', { name: 'Approve' }).count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a person revokes a key on /keys and the agent’s next call gets 401; activity shows the consents and their keys', async () => {
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    const page = await context.newPage();
    const problems = watchConsole(page);
    const agent = await agentStartsConsent({ client_name: 'Revocable Agent', scopes: ['documents.read', 'payments'] });
    await newPersonOpens(page, agent.consentUrl);
    await page.getByRole('button', { name: 'Approve' }).click();
    const code = await page.getByLabel('Authorization code').inputValue();
    const token = await agentExchanges(code, agent.verifier);
    expect((await agentCalls(token.access_token)).status).toBe(200);

    await page.goto(`${server.url}/keys`);
    await page.getByRole('button', { name: 'Revoke' }).first().waitFor();
    await screenshot(page, '05-keys');
    const agentName = page.locator('.keys-table tbody .agent-name').first();
    expect(await agentName.evaluate(linesOf)).toBeLessThanOrEqual(2); // "Revocable / Agent", never "Revoc / able / Agent"
    await page.getByRole('button', { name: 'Revoke' }).first().click();
    await page.getByRole('dialog').getByRole('button', { name: 'Revoke key' }).click();
    await expect.poll(() => page.getByText(/revoked/i).first().isVisible()).toBe(true);
    const after = await agentCalls(token.access_token);
    const unhurried = await agentStartsConsent({ client_name: 'Unhurried Agent', scopes: ['documents.read'] });
    await page.goto(unhurried.consentUrl);
    await page.getByRole('button', { name: 'Approve' }).click();
    await page.getByLabel('Authorization code').waitFor(); // never exchanged
    const nosy = await agentStartsConsent({ client_name: 'Nosy Bot', scopes: ['stats', 'payments'] });
    await page.goto(nosy.consentUrl);
    await page.getByRole('button', { name: 'Deny' }).click();
    await expect.poll(() => page.getByText(/denied/i).first().isVisible()).toBe(true);
    await page.goto(`${server.url}/activity`);
    await expect.poll(() => page.getByText('Revocable Agent').first().isVisible()).toBe(true);
    await screenshot(page, '06-activity');
    const consentOf = (name: string) => page.locator('.history-item').filter({ has: page.getByRole('heading', { name }) });

    expect(await consentOf('Unhurried Agent').innerText()).toContain('Not issued: the agent has not used the code');
    expect(await consentOf('Nosy Bot').innerText()).toMatch(/Key\s+None/);
    expect(await consentOf('Nosy Bot').locator('del').count()).toBe(0);
    expect(after.status).toBe(401);
    expect(((await after.json()) as { error_description: string }).error_description).toMatch(/revoked/);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('anyone can explore the scope catalogue and get a ready authorize request for the ticked scopes', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const problems = watchConsole(page);

    await page.goto(`${server.url}/scopes`);
    await page.getByRole('checkbox', { name: /payments/ }).check();
    await screenshot(page, '07-scopes');

    expect(await page.locator('body').innerText()).toContain('"payments"');
    expect(problems).toEqual([]);
    await context.close();
  });

  it.skipIf(missingTools(['bash', 'curl', 'openssl', 'jq']).length > 0)(
    'an agent developer copies the curl flow from /scopes, runs it, and gets a key for exactly the ticked scopes',
    async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, permissions: ['clipboard-read', 'clipboard-write'] });
      const page = await context.newPage();
      await page.goto(`${server.url}/scopes`);
      await page.getByRole('checkbox', { name: /documents\.read/ }).check();
      await page.getByRole('checkbox', { name: /companies\.read/ }).check();
      await page.getByRole('button', { name: 'Copy code' }).click();
      const script = await recipeFile('consent.sh', await page.evaluate(() => navigator.clipboard.readText()));

      const run = await runRecipe('bash', [script], { env: recipeEnv(), onConsentUrl: (url) => approveAsPerson(server.url, url) });

      expect(run.exitCode, run.stderr).toBe(0);
      expect(run.stdout).toMatch(/Got key prefix flw_test_\w+, scopes: documents\.read companies\.read\n/);
      expect(run.stdout.split('\n').filter((line) => /^(INV|CN)-\d{4}-\d{4} {2}/.test(line))).toHaveLength(5);
      await context.close();
    },
  );

  it('on a phone, /scopes fits: every tab shows, code scrolls inside its box, a bar leads to the request', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true });
    const page = await context.newPage();
    const problems = watchConsole(page);

    await page.goto(`${server.url}/scopes`);
    await page.getByRole('checkbox', { name: /documents\.read/ }).check();
    await page.getByRole('checkbox', { name: /companies\.read/ }).check();
    const bar = page.getByRole('button', { name: 'View request' });
    const barBox = await bar.boundingBox();
    await screenshot(page, '09-scopes-phone');
    await bar.click();
    const heading = await page.getByRole('heading', { name: 'Your authorize request' }).boundingBox();
    const layout = await page.evaluate(() => {
      const pre = document.querySelector('pre.code-block')!;
      return {
        pageOverflow: document.documentElement.scrollWidth - window.innerWidth,
        tabsOutside: [...document.querySelectorAll('[role=tab]')].filter((tab) => tab.getBoundingClientRect().right > window.innerWidth).length,
        codeScrolls: pre.scrollWidth > pre.clientWidth && pre.getBoundingClientRect().right <= window.innerWidth,
      };
    });

    expect(barBox!.y + barBox!.height).toBeLessThanOrEqual(740); // on screen while ticking
    expect(heading!.y).toBeGreaterThanOrEqual(0);
    expect(heading!.y).toBeLessThan(200);
    expect(layout).toEqual({ pageOverflow: 0, tabsOutside: 0, codeScrolls: true });
    expect(await page.getByRole('tab', { name: /TypeScript/ }).isVisible()).toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the consent page works on a phone-sized screen', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true });
    const page = await context.newPage();
    const agent = await agentStartsConsent({ client_name: 'Phone Agent' });

    await newPersonOpens(page, agent.consentUrl);
    await screenshot(page, '08-consent-phone');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

    expect(overflow).toBeLessThanOrEqual(0);
    await context.close();
  });
});
