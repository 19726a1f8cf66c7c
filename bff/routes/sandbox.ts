import type { Router } from 'express';
import { bootstrapRequestSchema } from '../../shared/sandbox.js';
import type { ServiceContext } from '../context.js';
import { methodNotAllowed } from '../middleware/error-handler.js';
import { noStore } from '../middleware/no-store.js';
import { HOUR_MS, limitPerIp } from '../middleware/rate-limit.js';
import { bootstrapSandbox } from '../sandbox/sandbox.js';

export function sandboxRoutes(router: Router, ctx: ServiceContext): void {
  const limit = limitPerIp({ windowMs: HOUR_MS, limit: ctx.config.bootstrapRateLimit, what: 'sandbox bootstraps' });

  router
    .route('/sandbox/bootstrap')
    .post(limit, noStore, async (req, res) => {
      const request = bootstrapRequestSchema.parse(req.body);
      res.json(await bootstrapSandbox(ctx, request));
    })
    .all(methodNotAllowed('POST'));
}
