import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../../bff/store/db.js';
import { Interner } from '../../../bff/store/intern.js';
import type { AuditEventRecord } from '../../../bff/store/records.js';
import type { ScopeName } from '../../../shared/scopes.js';
import { createRepositories } from '../../../bff/store/repositories.js';
import { apiKeyRecord } from './records.js';

const key = (i: number, scopes: ScopeName[] = ['documents.read', 'documents.search']) =>
  apiKeyRecord(i, { organizationId: `org_${i}`, scopes, userId: 'usr_1' });

let db: Db | undefined;
afterEach(async () => {
  await db?.close();
  db = undefined;
});

describe('repeated values are stored once', () => {
  it('gives records with equal scope lists one shared, frozen list, and leaves every value as it was', () => {
    const interner = new Interner();
    const a = key(1, ['documents.read', 'send']);
    const b = key(2, ['documents.read', 'send']);
    const other = key(3, ['send']);
    const before = structuredClone([a, b, other]);

    [a, b, other].forEach((r) => interner.record('apiKeys', r));

    expect(a.scopes).toBe(b.scopes);
    expect(other.scopes).not.toBe(a.scopes);
    expect(Object.isFrozen(a.scopes)).toBe(true);
    expect([a, b, other]).toEqual(before);
    expect(() => (a.scopes as string[]).push('receive')).toThrow(TypeError);
  });

  it('shares the lists of keys read back from disk after a restart', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'flowie-intern-')), 'exchange.json');
    db = await openDb(file);
    const repos = createRepositories(db);
    for (let i = 0; i < 5; i++) repos.apiKeys.insert(key(i, ['documents.read', 'documents.search']));
    await db.close();

    db = await openDb(file);
    const again = createRepositories(db);
    const lists = new Set([0, 1, 2, 3, 4].map((i) => again.apiKeys.findById(key(i).id)!.scopes));

    expect(lists.size).toBe(1);
    expect([...lists][0]).toEqual(['documents.read', 'documents.search']);
  });

  it('interns audit details except the key prefix, and keeps their values', () => {
    const interner = new Interner();
    const event: AuditEventRecord = {
      id: 'evt_1',
      at: '2026-12-03T10:00:00.000Z',
      type: 'key.minted',
      actor: 'agent',
      userId: 'usr_1',
      organizationId: null,
      keyId: null,
      consentId: null,
      detail: { keyPrefix: 'flw_test_abcd', clientName: 'Agent', scopes: 'documents.read send' },
    };

    interner.record('auditEvents', event);

    expect(event.detail).toEqual({ keyPrefix: 'flw_test_abcd', clientName: 'Agent', scopes: 'documents.read send' });
  });

  it('stops adding new values once its table is full, so distinct client names cannot grow it without bound', () => {
    const interner = new Interner();
    const lists = Array.from({ length: 50_001 }, (_, i) => [`scope_${i}`]);

    const shared = lists.map((l) => interner.list(l));

    expect(shared[49_999]).not.toBe(lists[49_999]);
    expect(Object.isFrozen(shared[49_999])).toBe(true);
    expect(shared[50_000]).toBe(lists[50_000]);
    expect(Object.isFrozen(shared[50_000])).toBe(false);
  });
});
