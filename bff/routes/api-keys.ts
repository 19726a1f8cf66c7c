import type { Router } from 'express';
import type { CurrentKeyResponse } from '../../shared/api-keys.js';
import { keyIdParamSchema } from '../../shared/api-keys.js';
import type { ServiceContext } from '../context.js';
import { revokeKeyAsAgent } from '../keys/api-keys.js';
import { methodNotAllowed } from '../middleware/error-handler.js';
import { noStore } from '../middleware/no-store.js';
import { callerKey, requireApiKey } from '../middleware/require-api-key.js';

export function apiKeyRoutes(router: Router, ctx: ServiceContext): void {
  const auth = requireApiKey(ctx);

  router
    .route('/api-keys/current')
    .get(auth, noStore, (_req, res) => {
      const key = callerKey(res);
      const body: CurrentKeyResponse = {
        id: key.id,
        keyPrefix: key.prefix,
        keyType: key.keyType,
        organizationId: key.organizationId,
        scopes: key.scopes,
        createdAt: key.createdAt,
        expiresAt: key.expiresAt,
      };
      res.json(body);
    })
    .all(methodNotAllowed('GET'));

  router
    .route('/api-keys/:id')
    .delete(auth, async (req, res) => {
      await revokeKeyAsAgent(ctx, callerKey(res), keyIdParamSchema.parse(req.params.id));
      res.status(204).end();
    })
    .all(methodNotAllowed('DELETE'));
}
