import { createServer, type Server } from 'node:http';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pkcePair } from '../support/test-app.js';
import { hasChromium, watchConsole } from './support/browser.js';
import { freePort, type RealServer } from './support/server.js';
import { startStack, stopStack } from './support/stack.js';

/** What a hostile agent or site can put in front of a person, checked in real Chromium. */
let server: RealServer;
let browser: Browser;
let people = 0;

async function consentFor(clientName: string): Promise<string> {
  const res = await fetch(`${server.url}/v1/oauth/authorize`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ client_name: clientName, scopes: ['documents.read'], code_challenge: pkcePair().challenge, code_challenge_method: 'S256' }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { consent_url: string }).consent_url;
}

describe.skipIf(!hasChromium)('hostile pages (real server, real Chromium)', () => {
  beforeAll(async () => ({ server, browser } = await startStack()));
  afterAll(() => stopStack({ server, browser }));

  it('a person sees an agent named <img src=x onerror=alert(1)> as text: no image element is created, no script runs', async () => {
    const name = '<img src=x onerror=alert(1)>';
    const context = await browser.newContext();
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const problems = watchConsole(page);
    const consentUrl = await consentFor(name);

    await page.goto(consentUrl);
    await page.getByRole('link', { name: 'Create account' }).click();
    await page.getByLabel('Email').fill(`hostile${++people}-${Date.now()}@example.test`);
    await page.getByLabel('Password').fill('a long enough password');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('button', { name: 'Approve' }).waitFor();
    await expect.poll(() => page.getByText(name, { exact: false }).first().isVisible()).toBe(true);

    expect(await page.evaluate(() => [...document.images].map((img) => img.getAttribute('src')))).toEqual(['/favicon.svg']); // the logo only
    expect(await page.evaluate(() => document.querySelectorAll('[onerror]').length)).toBe(0);
    expect(dialogs).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the consent page cannot be framed by another site', async () => {
    const consentUrl = await consentFor('Framed Agent');
    const port = await freePort();
    const evil: Server = createServer((_req, res) => {
      res.setHeader('Content-Type', 'text/html').end(`<h1>Win a prize</h1><iframe id="f" src="${consentUrl}" width="800" height="600"></iframe>`);
    }).listen(port, '127.0.0.1');
    const context = await browser.newContext();
    const page = await context.newPage();

    try {
      await page.goto(`http://127.0.0.1:${port}/`);
      await page.waitForTimeout(1500); // the frame has had every chance to load
      const frame = page.frames().find((f) => f !== page.mainFrame());
      const rendered = frame ? await frame.evaluate(() => document.querySelector('#root')?.innerHTML.length ?? 0).catch(() => 0) : 0;

      expect(frame?.url()).not.toBe(consentUrl); // Chromium swaps a refused frame for its error page
      expect(rendered).toBe(0);
    } finally {
      evil.close();
      await context.close();
    }
  });

  it('the consent page HTML has no inline script, and its headers forbid framing, referrers and inline script', async () => {
    const consentUrl = await consentFor('Header Agent');

    const res = await fetch(consentUrl);
    const html = await res.text();
    const csp = res.headers.get('content-security-policy') ?? '';

    expect(res.status).toBe(200);
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      expect(attrs).toMatch(/\bsrc="\/assets\//);
      expect(body?.trim()).toBe('');
    }
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
    expect(csp).toMatch(/frame-ancestors 'none'/);
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  });
});
