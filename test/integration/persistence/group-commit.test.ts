import { TextFile } from 'lowdb/node';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { JournalWriter } from '../../../bff/store/journal.js';
import { makeTestApp, type TestApp } from '../../support/test-app.js';
import { bootstrap } from '../helpers.js';

/**
 * Counts file writes whichever way the store makes them: whole files through lowdb's TextFile
 * (which its DataFile uses too) and appends to the journal (one append = one write(2), or a
 * write + fdatasync with DATA_FSYNC).
 */
function spyOnFileWrites(): MockInstance[] {
  return [vi.spyOn(TextFile.prototype, 'write'), vi.spyOn(JournalWriter.prototype, 'append')];
}

let t: TestApp;
let spies: MockInstance[];
const writes = () => spies.reduce((sum, spy) => sum + spy.mock.calls.length, 0);

beforeEach(() => {
  spies = spyOnFileWrites();
});
afterEach(async () => {
  vi.restoreAllMocks();
  await t?.close();
});

describe('group commit', () => {
  it('writes far fewer than 50 times for 50 concurrent bootstraps, and every key is kept', async () => {
    t = await makeTestApp({ BOOTSTRAP_RATE_LIMIT: '100' });
    spies.forEach((spy) => spy.mockClear());

    const results = await Promise.all(Array.from({ length: 50 }, () => bootstrap(t.app)));

    expect(results).toHaveLength(50);
    expect(writes()).toBeGreaterThan(0);
    expect(writes()).toBeLessThanOrEqual(10);
    t = await t.restart();
    expect(t.ctx.db.data.apiKeys).toHaveLength(50);
  });

  it('writes once per change when changes come one after another', async () => {
    t = await makeTestApp();
    spies.forEach((spy) => spy.mockClear());

    await bootstrap(t.app);
    await bootstrap(t.app);

    expect(writes()).toBe(2);
  });
});
