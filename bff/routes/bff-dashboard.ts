import type { Router } from 'express';
import { keyIdParamSchema } from '../../shared/api-keys.js';
import type { ActivityResponse, KeyRow } from '../../shared/bff.js';
import { describeAuditEvent } from '../audit/audit.js';
import type { ServiceContext } from '../context.js';
import { keyStatus, revokeKeyAsOwner } from '../keys/api-keys.js';
import { methodNotAllowed } from '../middleware/error-handler.js';
import { requireSession, sessionUser } from '../middleware/session.js';
import type { ApiKeyRecord } from '../store/records.js';

/** The signed-in person's keys and consent history. */
export function dashboardRoutes(router: Router, ctx: ServiceContext): void {
  const newestFirst = <T extends { createdAt: string }>(a: T, b: T) => b.createdAt.localeCompare(a.createdAt);

  const toKeyRow = (key: ApiKeyRecord, now: number): KeyRow => ({
    id: key.id,
    keyPrefix: key.prefix,
    clientName: key.clientName,
    organizationId: key.organizationId,
    scopes: key.scopes,
    createdAt: key.createdAt,
    expiresAt: key.expiresAt,
    lastUsedAt: key.lastUsedAt,
    revokedAt: key.revokedAt,
    status: keyStatus(key, now),
    consentId: key.consentId,
  });

  router
    .route('/keys')
    .get(requireSession, (_req, res) => {
      const now = ctx.clock();
      const keys = [...ctx.repos.apiKeys.listByUser(sessionUser(res).id)].sort(newestFirst);
      res.json({ data: keys.map((k) => toKeyRow(k, now)) });
    })
    .all(methodNotAllowed('GET'));

  router
    .route('/keys/:id')
    .delete(requireSession, async (req, res) => {
      await revokeKeyAsOwner(ctx, sessionUser(res).id, keyIdParamSchema.parse(req.params.id));
      res.status(204).end();
    })
    .all(methodNotAllowed('DELETE'));

  router
    .route('/activity')
    .get(requireSession, (_req, res) => {
      const user = sessionUser(res);
      const now = ctx.clock();
      const consents = ctx.repos.consentRequests.listDecidedByUser(user.id).sort(newestFirst);
      const body: ActivityResponse = {
        consents: consents.map((c) => {
          const key = c.keyId ? ctx.repos.apiKeys.findById(c.keyId) : undefined;
          return {
            id: c.id,
            clientName: c.clientName,
            requestedScopes: c.requestedScopes,
            approvedScopes: c.approvedScopes,
            decision: c.status === 'denied' ? 'denied' : 'approved',
            createdAt: c.createdAt,
            decidedAt: c.decidedAt ?? c.createdAt,
            redirectHost: c.redirectUri ? new URL(c.redirectUri).host : null,
            key: key ? { id: key.id, keyPrefix: key.prefix, status: keyStatus(key, now) } : null,
          };
        }),
        events: [...ctx.repos.auditEvents.listByUser(user.id)]
          .reverse()
          .slice(0, 200)
          .map((e) => ({ id: e.id, at: e.at, type: e.type, summary: describeAuditEvent(e) })),
      };
      res.json(body);
    })
    .all(methodNotAllowed('GET'));
}
