import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../bff/config.js';
import { createLogger } from '../../../bff/logger.js';
import { startServer } from '../../../bff/server.js';
import { pkcePair } from '../../support/test-app.js';

const quiet = () => createLogger('silent', new Writable({ write: (_c, _e, done) => done() }));

describe('PORT=0 (the system picks a free port)', () => {
  it('without PUBLIC_URL, consent links name the port the server was given, not :0', async () => {
    const dataFile = join(await mkdtemp(join(tmpdir(), 'flowie-port0-')), 'exchange.json');
    const running = await startServer(loadConfig({ PORT: '0', DATA_FILE: dataFile }), quiet());
    try {
      const port = new URL(running.url).port;
      const res = await fetch(`${running.url}/v1/oauth/authorize`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ client_name: 'Port Zero', scopes: ['documents.read'], code_challenge: pkcePair().challenge, code_challenge_method: 'S256' }),
      });
      const { consent_url } = (await res.json()) as { consent_url: string };

      expect(port).not.toBe('0');
      expect(consent_url.startsWith(`http://localhost:${port}/consent/`)).toBe(true);
    } finally {
      await running.stop();
    }
  });

  it('with PUBLIC_URL, consent links keep it', async () => {
    const dataFile = join(await mkdtemp(join(tmpdir(), 'flowie-port0-')), 'exchange.json');
    const running = await startServer(loadConfig({ PORT: '0', DATA_FILE: dataFile, PUBLIC_URL: 'https://exchange.example' }), quiet());
    try {
      const res = await fetch(`${running.url}/v1/oauth/authorize`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ client_name: 'Port Zero', scopes: ['documents.read'], code_challenge: pkcePair().challenge, code_challenge_method: 'S256' }),
      });

      expect(((await res.json()) as { consent_url: string }).consent_url.startsWith('https://exchange.example/consent/')).toBe(true);
    } finally {
      await running.stop();
    }
  });
});
