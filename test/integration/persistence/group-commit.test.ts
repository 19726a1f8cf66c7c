import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeTestApp, type TestApp } from '../../support/test-app.js';
import { bootstrap } from '../helpers.js';

// Count full-file writes by wrapping lowdb's Low (only bff/store/ imports it).
const writes = vi.hoisted(() => ({ count: 0 }));
vi.mock('lowdb', async (importOriginal) => {
  const lowdb = await importOriginal<typeof import('lowdb')>();
  class CountingLow<T> extends lowdb.Low<T> {
    override async write() {
      writes.count++;
      return super.write();
    }
  }
  return { ...lowdb, Low: CountingLow };
});

let t: TestApp;
afterEach(() => t?.close());

describe('group commit', () => {
  it('writes the file far fewer than 50 times for 50 concurrent bootstraps, and every key is on disk', async () => {
    t = await makeTestApp({ BOOTSTRAP_RATE_LIMIT: '100' });
    writes.count = 0;

    const results = await Promise.all(Array.from({ length: 50 }, () => bootstrap(t.app)));

    expect(results).toHaveLength(50);
    expect(writes.count).toBeGreaterThan(0);
    expect(writes.count).toBeLessThanOrEqual(10);
    const restarted = await t.restart();
    t = restarted;
    expect(t.ctx.db.data.apiKeys).toHaveLength(50);
  });

  it('writes once per change when changes come one after another', async () => {
    t = await makeTestApp();
    writes.count = 0;

    await bootstrap(t.app);
    await bootstrap(t.app);

    expect(writes.count).toBe(2);
  });
});
