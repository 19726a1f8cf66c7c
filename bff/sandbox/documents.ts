import type { DocumentListResponse, PeppolDocument } from '../../shared/documents.js';
import type { ServiceContext } from '../context.js';
import { invalidRequest, notFound } from '../errors.js';
import { sampleDocuments } from './sample-documents.js';

/**
 * The sample documents never change for an organization, so recently read ones are kept instead of
 * being derived again on every request (bounded: the oldest entry goes first).
 */
const CACHE_LIMIT = 1_000;
const cache = new Map<string, readonly PeppolDocument[]>();

function documentsOf(ctx: ServiceContext, organizationId: string): readonly PeppolDocument[] {
  const cached = cache.get(organizationId);
  if (cached) return cached;
  const org = ctx.repos.organizations.findById(organizationId);
  const company = ctx.repos.organizations.companiesOf(organizationId)[0];
  if (!org || !company) return [];
  const docs = sampleDocuments(org, company);
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  cache.set(organizationId, docs);
  return docs;
}

const encodeCursor = (offset: number) => Buffer.from(`o:${offset}`).toString('base64url');

function decodeCursor(cursor: string | undefined): number {
  if (cursor === undefined) return 0;
  const match = /^o:(\d{1,6})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw invalidRequest('cursor is not one this API handed out; pass next_cursor back unchanged');
  return Number(match[1]);
}

function page(all: readonly PeppolDocument[], limit: number, cursor: string | undefined): DocumentListResponse {
  const offset = decodeCursor(cursor);
  const data = all.slice(offset, offset + limit);
  const next = offset + limit < all.length ? encodeCursor(offset + limit) : null;
  return { data, next_cursor: next };
}

/** Newest first. */
export function listDocuments(ctx: ServiceContext, organizationId: string, q: { limit: number; cursor?: string | undefined }) {
  return page(documentsOf(ctx, organizationId), q.limit, q.cursor);
}

export function findDocument(ctx: ServiceContext, organizationId: string, id: string): PeppolDocument {
  const doc = documentsOf(ctx, organizationId).find((d) => d.id === id);
  if (!doc) throw notFound('no such document in this organization');
  return doc;
}

/** Case-insensitive match on number, parties, line descriptions, type and status. */
export function searchDocuments(
  ctx: ServiceContext,
  organizationId: string,
  query: { q: string; limit: number; cursor?: string | undefined },
) {
  const needle = query.q.toLowerCase();
  const hits = documentsOf(ctx, organizationId).filter((d) =>
    [d.number, d.seller.name, d.buyer.name, d.type, d.status, d.direction, ...d.lines.map((l) => l.description)]
      .some((field) => field.toLowerCase().includes(needle)),
  );
  return page(hits, query.limit, query.cursor);
}
