import { afterEach, describe, expect, it, vi } from 'vitest';
import { importOr } from '../../web/lib/import-or.js';

afterEach(() => vi.useRealTimers());

describe('importOr', () => {
  it('gives the module when it arrives in time', async () => {
    await expect(importOr(() => Promise.resolve('view'), 'plain', 4000)).resolves.toBe('view');
  });

  it('gives the fallback when the import fails', async () => {
    await expect(importOr(() => Promise.reject(new Error('Failed to fetch')), 'plain', 4000)).resolves.toBe('plain');
  });

  it('gives the fallback when the import has not finished after the wait, and not before', async () => {
    vi.useFakeTimers();
    let settled: string | undefined;
    void importOr(() => new Promise<string>(() => undefined), 'plain', 4000).then((v) => (settled = v));

    await vi.advanceTimersByTimeAsync(3999);
    expect(settled).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(settled).toBe('plain');
  });
});
