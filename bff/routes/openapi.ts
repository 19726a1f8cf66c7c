import type { Router } from 'express';
import type { ServiceContext } from '../context.js';
import { methodNotAllowed } from '../middleware/error-handler.js';
import { buildOpenApiDocument } from '../openapi/document.js';

/** GET /openapi.json: the OpenAPI 3.1 description of /v1, generated once when the app is built. */
export function openapiRoutes(router: Router, ctx: ServiceContext): void {
  const document = JSON.stringify(buildOpenApiDocument(ctx.config.publicUrl));

  router
    .route('/openapi.json')
    .get((_req, res) => {
      res.set('Cache-Control', 'public, max-age=300').type('application/json').send(document);
    })
    .all(methodNotAllowed('GET'));
}
