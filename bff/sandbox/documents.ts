import type { PeppolDocument } from '../../shared/documents.js';
import type { ServiceContext } from '../context.js';
import { invalidRequest, notFound } from '../errors.js';
import { sampleDocuments } from './sample-documents.js';

/**
 * The sample documents never change for an organization, so recently read ones are kept, each with
 * its JSON, instead of being derived and serialised again on every request (bounded: the oldest
 * entry goes first). Answers are assembled from the cached JSON: byte for byte what res.json gave.
 */
const CACHE_LIMIT = 1_000;
interface Documents {
  docs: readonly PeppolDocument[];
  json: readonly string[];
}
const cache = new Map<string, Documents>();
const NONE: Documents = { docs: [], json: [] };

function documentsOf(ctx: ServiceContext, organizationId: string): Documents {
  const cached = cache.get(organizationId);
  if (cached) return cached;
  const org = ctx.repos.organizations.findById(organizationId);
  const company = ctx.repos.organizations.companiesOf(organizationId)[0];
  if (!org || !company) return NONE;
  const docs = sampleDocuments(org, company);
  const entry = { docs, json: docs.map((d) => JSON.stringify(d)) };
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  cache.set(organizationId, entry);
  return entry;
}

const encodeCursor = (offset: number) => Buffer.from(`o:${offset}`).toString('base64url');

function decodeCursor(cursor: string | undefined): number {
  if (cursor === undefined) return 0;
  const match = /^o:(\d{1,6})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw invalidRequest('cursor is not one this API handed out; pass next_cursor back unchanged');
  return Number(match[1]);
}

/** A DocumentListResponse as JSON text, from the documents' cached JSON. */
function page(json: readonly string[], limit: number, cursor: string | undefined): string {
  const offset = decodeCursor(cursor);
  const next = offset + limit < json.length ? JSON.stringify(encodeCursor(offset + limit)) : 'null';
  return `{"data":[${json.slice(offset, offset + limit).join(',')}],"next_cursor":${next}}`;
}

/** Newest first; JSON text of a DocumentListResponse. */
export function listDocuments(ctx: ServiceContext, organizationId: string, q: { limit: number; cursor?: string | undefined }): string {
  return page(documentsOf(ctx, organizationId).json, q.limit, q.cursor);
}

/** JSON text of one PeppolDocument. */
export function findDocument(ctx: ServiceContext, organizationId: string, id: string): string {
  const { docs, json } = documentsOf(ctx, organizationId);
  const i = docs.findIndex((d) => d.id === id);
  if (i < 0) throw notFound('no such document in this organization');
  return json[i]!;
}

/** Case-insensitive match on number, parties, line descriptions, type and status. */
export function searchDocuments(
  ctx: ServiceContext,
  organizationId: string,
  query: { q: string; limit: number; cursor?: string | undefined },
) {
  const needle = query.q.toLowerCase();
  const { docs, json } = documentsOf(ctx, organizationId);
  const hits = json.filter((_, i) => {
    const d = docs[i]!;
    return [d.number, d.seller.name, d.buyer.name, d.type, d.status, d.direction, ...d.lines.map((l) => l.description)]
      .some((field) => field.toLowerCase().includes(needle));
  });
  return page(hits, query.limit, query.cursor);
}
