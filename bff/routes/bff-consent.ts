import type { Router } from 'express';
import { approveRequestSchema } from '../../shared/bff.js';
import type { ServiceContext } from '../context.js';
import { methodNotAllowed } from '../middleware/error-handler.js';
import { requireSession, sessionUser } from '../middleware/session.js';
import { approveConsent, denyConsent, viewConsent } from '../oauth/consent-requests.js';

/** The consent page's calls. Approve and deny are POSTs only: a GET never decides anything. */
export function consentRoutes(router: Router, ctx: ServiceContext): void {

  router
    .route('/consent/:id')
    .get(requireSession, (req, res) => {
      res.json(viewConsent(ctx, String(req.params.id)));
    })
    .all(methodNotAllowed('GET'));

  router
    .route('/consent/:id/approve')
    .post(requireSession, async (req, res) => {
      const { scopes } = approveRequestSchema.parse(req.body);
      res.json(await approveConsent(ctx, String(req.params.id), sessionUser(res), scopes));
    })
    .all(methodNotAllowed('POST'));

  router
    .route('/consent/:id/deny')
    .post(requireSession, async (req, res) => {
      res.json(await denyConsent(ctx, String(req.params.id), sessionUser(res)));
    })
    .all(methodNotAllowed('POST'));
}
