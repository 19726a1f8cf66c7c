import type { Router } from 'express';
import { authorizeRequestSchema, tokenRequestSchema } from '../../shared/oauth.js';
import { SCOPES } from '../../shared/scopes.js';
import type { ServiceContext } from '../context.js';
import { methodNotAllowed } from '../middleware/error-handler.js';
import { noStore } from '../middleware/no-store.js';
import { startConsent } from '../oauth/consent-requests.js';
import { exchangeAuthorizationCode } from '../oauth/token-exchange.js';

/** The catalogue never changes while the process runs: serialised once. */
const SCOPES_JSON = JSON.stringify({ scopes: SCOPES });

/** GET /oauth/scopes, POST /oauth/authorize, POST /oauth/token. */
export function oauthRoutes(router: Router, ctx: ServiceContext): void {

  router
    .route('/oauth/scopes')
    .get((_req, res) => {
      res.set('Cache-Control', 'public, max-age=300').type('json').send(SCOPES_JSON);
    })
    .all(methodNotAllowed('GET'));

  router
    .route('/oauth/authorize')
    .post(noStore, async (req, res) => {
      const request = authorizeRequestSchema.parse(req.body);
      res.json(await startConsent(ctx, request));
    })
    .all(methodNotAllowed('POST'));

  router
    .route('/oauth/token')
    .post(noStore, async (req, res) => {
      const request = tokenRequestSchema.parse(req.body);
      res.json(await exchangeAuthorizationCode(ctx, request));
    })
    .all(methodNotAllowed('POST'));
}
