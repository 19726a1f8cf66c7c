import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import express, { type Express, type Request, type RequestHandler, type Response } from 'express';
import helmet from 'helmet';
import { systemClock, type Clock } from './clock.js';
import type { Config } from './config.js';
import type { ServiceContext } from './context.js';
import type { Logger } from './logger.js';
import { parseBody } from './middleware/body.js';
import { requireSameOrigin } from './middleware/csrf.js';
import { errorHandler, notFoundHandler } from './middleware/error-handler.js';
import { requestLog } from './middleware/request-log.js';
import { loadSession } from './middleware/session.js';
import { apiKeyRoutes } from './routes/api-keys.js';
import { consentRoutes } from './routes/bff-consent.js';
import { dashboardRoutes } from './routes/bff-dashboard.js';
import { sessionRoutes } from './routes/bff-session.js';
import { documentRoutes } from './routes/documents.js';
import { oauthRoutes } from './routes/oauth.js';
import { openapiRoutes } from './routes/openapi.js';
import { sandboxRoutes } from './routes/sandbox.js';
import type { Db } from './store/db.js';
import { createRepositories } from './store/repositories.js';

export interface AppDeps {
  config: Config;
  db: Db;
  logger: Logger;
  clock?: Clock;
  /** The built SPA; defaults to dist/web. */
  webRoot?: string;
}

/** `<repo>/dist/web`, whether this module runs as source (bff/app.ts) or built (dist/server/bff/app.js, npm start). */
const DEFAULT_WEB_ROOT = fileURLToPath(new URL(import.meta.url.endsWith('/dist/server/bff/app.js') ? '../../web' : '../dist/web', import.meta.url));

export function createApp(deps: AppDeps): { app: Express; ctx: ServiceContext } {
  const ctx: ServiceContext = {
    config: deps.config,
    db: deps.db,
    logger: deps.logger,
    clock: deps.clock ?? systemClock,
    repos: createRepositories(deps.db),
  };
  const app = express();
  app.disable('x-powered-by');
  // API answers are dynamic and mostly no-store; hashing every body for an ETag is wasted work.
  app.set('etag', false);
  app.set('trust proxy', deps.config.trustProxy);
  app.set('query parser', 'simple');

  app.use(requestLog(ctx.logger));
  app.use(securityHeaders(deps.config));
  app.get('/healthz', (_req, res) => {
    res.set('Cache-Control', 'no-store').json({ status: 'ok' });
  });

  const v1 = express.Router();
  v1.use(parseBody);
  // Each module adds its routes to this one router: a request passes one router, not one per module.
  for (const add of [oauthRoutes, sandboxRoutes, apiKeyRoutes, documentRoutes, openapiRoutes]) add(v1, ctx);
  v1.use(notFoundHandler);
  // As in the public page (…/exchange/v1/…), and /v1 as a short alias.
  app.use(['/exchange/v1', '/v1'], v1);

  const bff = express.Router();
  bff.use((_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });
  bff.use(requireSameOrigin(deps.config), parseBody, loadSession(ctx));
  for (const add of [sessionRoutes, consentRoutes, dashboardRoutes]) add(bff, ctx);
  bff.use(notFoundHandler);
  app.use('/bff', bff);

  serveWebApp(app, deps.webRoot ?? DEFAULT_WEB_ROOT);
  app.use(notFoundHandler);
  app.use(errorHandler(ctx.logger));
  return { app, ctx };
}

/**
 * helmet's headers. helmet sets the same ones on every response, through a chain of a dozen middleware
 * calls; they are worked out once here, from helmet itself, and set in one loop (2% of a token
 * exchange's CPU went to the chain).
 */
function securityHeaders(config: Config): RequestHandler {
  const set: [string, string][] = [];
  const removed: string[] = [];
  const probe = { setHeader: (name: string, value: string) => set.push([name, value]), removeHeader: (name: string) => removed.push(name) };
  let done = false;
  helmetPolicy(config)({} as Request, probe as unknown as Response, () => (done = true));
  if (!done || set.length === 0) throw new Error('helmet did not set its headers synchronously; apply it as middleware instead');
  return (_req, res, next) => {
    for (const [name, value] of set) res.setHeader(name, value);
    for (const name of removed) res.removeHeader(name);
    next();
  };
}

export function helmetPolicy(config: Config) {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"], // consent pages must never be framed (clickjacking)
      },
    },
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: config.publicUrl.startsWith('https:'),
  });
}

/** The SPA: hashed assets cached for good, every other GET answered with index.html (client routes). */
function serveWebApp(app: Express, webRoot: string) {
  const index = `${webRoot}/index.html`;
  app.use(express.static(webRoot, { index: false, maxAge: '1y', immutable: true, fallthrough: true }));
  app.get(/^\/(?!v1\/|exchange\/|bff\/|assets\/).*/, (req, res, next) => {
    if (!existsSync(index)) return next();
    res.set('Cache-Control', 'no-cache').sendFile(index);
  });
}
