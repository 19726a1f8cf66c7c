import type { Router } from 'express';
import { authorizeRequestSchema, tokenRequestSchema } from '../../shared/oauth.js';
import { SCOPES } from '../../shared/scopes.js';
import type { ServiceContext } from '../context.js';
import { methodNotAllowed } from '../middleware/error-handler.js';
import { noStore } from '../middleware/no-store.js';
import { HOUR_MS, limitPerIp } from '../middleware/rate-limit.js';
import { startConsent } from '../oauth/consent-requests.js';
import { exchangeAuthorizationCode } from '../oauth/token-exchange.js';
import { unsupportedGrantType } from '../errors.js';

/** The catalogue never changes while the process runs: serialised once. */
const SCOPES_JSON = JSON.stringify({ scopes: SCOPES });

/** GET /oauth/scopes, POST /oauth/authorize, POST /oauth/token. */
export function oauthRoutes(router: Router, ctx: ServiceContext): void {
  // Anyone may start a consent, and each one is stored (until a day after it expires): limited per client
  // IP, counting only the requests that stored one.
  const authorizeLimit = limitPerIp({ windowMs: HOUR_MS, limit: ctx.config.authorizeRateLimit, what: 'consent requests', onlySuccesses: true });

  router
    .route('/oauth/scopes')
    .get((_req, res) => {
      res.set('Cache-Control', 'public, max-age=300').type('json').send(SCOPES_JSON);
    })
    .all(methodNotAllowed('GET'));

  router
    .route('/oauth/authorize')
    .post(authorizeLimit, noStore, async (req, res) => {
      const request = authorizeRequestSchema.parse(req.body);
      res.json(await startConsent(ctx, request));
    })
    .all(methodNotAllowed('POST'));

  router
    .route('/oauth/token')
    .post(noStore, async (req, res) => {
      // RFC 6749 §5.2: a grant type this server does not offer is named as such, not as a missing code.
      const grant = (req.body as Record<string, unknown> | undefined)?.grant_type;
      if (typeof grant === 'string' && grant !== '' && grant !== 'authorization_code' && grant.length <= 64) throw unsupportedGrantType(grant);
      const request = tokenRequestSchema.parse(req.body);
      res.json(await exchangeAuthorizationCode(ctx, request));
    })
    .all(methodNotAllowed('POST'));
}
