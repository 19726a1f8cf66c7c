import type { CollectionName } from './layout.js';

/**
 * Values that thousands of records repeat (a user's id on every key, code, consent and audit event it
 * made; a scope list; a client name; an event type) are kept once in memory: each stored record points
 * at one shared copy. JSON.parse makes a new string and a new array for every occurrence, and a running
 * server a new scope list per key, so a store of 100,000 keys held ~1.1 million duplicate strings and
 * ~200,000 duplicate arrays: a third of its heap, copied by every young-generation collection at
 * start-up and scanned by every full one after. The records keep the same shape and values; only which
 * copy a field points at changes.
 *
 * Only fields with few distinct values are interned (never ids, hashes, times or secrets), and the
 * table is bounded, so a stream of distinct client names cannot grow it without limit.
 */
const STRING_FIELDS: Record<CollectionName, readonly string[]> = {
  users: [],
  sessions: ['userId'],
  organizations: ['label', 'source', 'userId'],
  companies: ['name', 'country'],
  apiKeys: ['keyType', 'clientName', 'userId', 'revokedBy'],
  consentRequests: ['clientName', 'status', 'userId', 'redirectUri'],
  authorizationCodes: ['userId', 'redirectUri'],
  auditEvents: ['type', 'actor', 'userId'],
};
/** Lists of scope names; shared lists are frozen, so no caller can change one record's list under another. */
const LIST_FIELDS: Record<CollectionName, readonly string[]> = {
  users: [],
  sessions: [],
  organizations: [],
  companies: [],
  apiKeys: ['scopes'],
  consentRequests: ['requestedScopes', 'approvedScopes'],
  authorizationCodes: ['scopes'],
  auditEvents: [],
};
/** Audit details: every value except these (which are unique per event) is interned. */
const UNIQUE_DETAIL_KEYS = new Set(['keyPrefix']);
const MAX_ENTRIES = 50_000;
const MAX_LENGTH = 512;

export class Interner {
  private readonly strings = new Map<string, string>();
  private readonly lists = new Map<string, readonly string[]>();
  private last: readonly string[] = Object.freeze([]);

  string(value: string): string {
    const known = this.strings.get(value);
    if (known !== undefined) return known;
    if (value.length <= MAX_LENGTH && this.strings.size < MAX_ENTRIES) this.strings.set(value, value);
    return value;
  }

  list(value: readonly string[]): readonly string[] {
    // Records come in runs that share a list (a shard of keys from one consent flow): compare with the last one first.
    const last = this.last;
    if (value.length === last.length) {
      let i = 0;
      while (i < value.length && value[i] === last[i]) i++;
      if (i === value.length) return last;
    }
    const key = value.join(' ');
    let shared = this.lists.get(key);
    if (shared === undefined) {
      if (this.lists.size >= MAX_ENTRIES) return value;
      shared = Object.freeze(value.map((s) => this.string(s)));
      this.lists.set(key, shared);
    }
    this.last = shared;
    return shared;
  }

  /** Points the record's repetitive fields at the shared copies (in place; the record stays the same object). */
  record(collection: CollectionName, record: unknown): void {
    if (typeof record !== 'object' || record === null) return;
    const r = record as Record<string, unknown>;
    for (const field of STRING_FIELDS[collection]) {
      const v = r[field];
      if (typeof v === 'string') r[field] = this.string(v);
    }
    for (const field of LIST_FIELDS[collection]) {
      const v = r[field];
      if (Array.isArray(v) && v.every((s) => typeof s === 'string')) r[field] = this.list(v as string[]);
    }
    if (collection === 'auditEvents' && typeof r.detail === 'object' && r.detail !== null) {
      const detail = r.detail as Record<string, unknown>;
      for (const key of Object.keys(detail)) {
        const v = detail[key];
        if (typeof v === 'string' && !UNIQUE_DETAIL_KEYS.has(key)) detail[key] = this.string(v);
      }
    }
  }
}
