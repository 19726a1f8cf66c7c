import type { Router } from 'express';
import { documentListQuerySchema, documentSearchQuerySchema } from '../../shared/documents.js';
import type { ServiceContext } from '../context.js';
import { methodNotAllowed } from '../middleware/error-handler.js';
import { invalidRequest } from '../errors.js';
import { callerKey, requireApiKey, requireScope } from '../middleware/require-api-key.js';
import { findDocument, listDocuments, searchDocuments } from '../sandbox/documents.js';
import { toCompanyView } from '../sandbox/sandbox.js';

/**
 * The query with limit and cursor checked to be single values first: `?limit=5&limit=6`
 * reaches the schema as a list, which number coercion would turn into "not a whole number".
 */
function pagingQuery(query: Record<string, unknown>): Record<string, unknown> {
  for (const name of ['limit', 'cursor']) {
    const value = query[name];
    if (value !== undefined && typeof value !== 'string') throw invalidRequest(`${name} was sent more than once; send it once`);
  }
  return query;
}

/** Documents and companies of the calling key's organization. */
export function documentRoutes(router: Router, ctx: ServiceContext): void {
  const auth = requireApiKey(ctx);

  router
    .route('/documents')
    .get(auth, requireScope('documents.read'), (req, res) => {
      res.type('json').send(listDocuments(ctx, callerKey(res).organizationId, documentListQuerySchema.parse(pagingQuery(req.query))));
    })
    .all(methodNotAllowed('GET'));

  // Registered before /documents/:id so "search" is not taken for an id.
  router
    .route('/documents/search')
    .get(auth, requireScope('documents.search'), (req, res) => {
      res.type('json').send(searchDocuments(ctx, callerKey(res).organizationId, documentSearchQuerySchema.parse(pagingQuery(req.query))));
    })
    .all(methodNotAllowed('GET'));

  router
    .route('/documents/:id')
    .get(auth, requireScope('documents.read'), (req, res) => {
      res.type('json').send(findDocument(ctx, callerKey(res).organizationId, String(req.params.id)));
    })
    .all(methodNotAllowed('GET'));

  router
    .route('/companies')
    .get(auth, requireScope('companies.read'), (_req, res) => {
      res.json({ data: ctx.repos.organizations.companiesOf(callerKey(res).organizationId).map(toCompanyView) });
    })
    .all(methodNotAllowed('GET'));
}
