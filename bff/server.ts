import { resolve } from 'node:path';
import type { Server } from 'node:http';
import { createApp } from './app.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { createAppServer } from './http-server.js';
import { createLogger, type Logger } from './logger.js';
import { pruneExpired } from './maintenance.js';
import { DataFileError, openDb, type Db } from './store/db.js';

const PRUNE_EVERY_MS = 10 * 60_000;
const DRAIN_TIMEOUT_MS = 10_000;

export interface RunningServer {
  server: Server;
  url: string;
  stop(): Promise<void>;
}

/** Why listening failed, naming the setting to change (Express 5's app.listen hands the error to its callback, where it was lost). */
function listenProblem(config: Config, error: NodeJS.ErrnoException): string {
  const where = `${config.host}:${config.port}`;
  switch (error.code) {
    case 'EADDRINUSE':
      return `PORT ${config.port} is already in use on ${config.host}; stop what listens there or set PORT to a free port`;
    case 'EACCES':
      return `PORT ${config.port} needs privileges this process does not have; set PORT to 1024 or above`;
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EINVAL':
      return `HOST ${config.host} is not an address of this machine; set HOST to 127.0.0.1 (the default) or another local address`;
    default:
      return `cannot listen on ${where} (${error.code ?? error.message})`;
  }
}

/** Opens the data file, then listens; stop() drains in-flight requests and flushes before resolving. */
export async function startServer(config: Config, logger: Logger): Promise<RunningServer> {
  const db: Db = await openDb(config.dataFile, { fsync: config.dataFsync });
  const { app, ctx } = createApp({ config, db, logger });
  await pruneExpired(ctx);
  const pruner = setInterval(() => void pruneExpired(ctx).catch((err) => logger.error({ err }, 'prune failed')), PRUNE_EVERY_MS);
  pruner.unref();

  const server = createAppServer(app);
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, config.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    clearInterval(pruner);
    await db.close();
    throw new Error(listenProblem(config, error as NodeJS.ErrnoException), { cause: error });
  }
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  // PORT=0 lets the system pick; links to the pages (consent_url) must name the port it picked. Set before
  // the first request is read (the listen callback runs before any connection is handled).
  if (config.port === 0 && config.publicUrlFromPort) (config as { publicUrl: string }).publicUrl = `http://localhost:${port}`;
  return {
    server,
    url: `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`,
    async stop() {
      clearInterval(pruner);
      // Drain: stop accepting, let in-flight requests finish, close keep-alive sockets as they go idle.
      await new Promise<void>((resolve) => {
        const sweep = setInterval(() => server.closeIdleConnections(), 50);
        const force = setTimeout(() => server.closeAllConnections(), DRAIN_TIMEOUT_MS);
        server.close(() => {
          clearInterval(sweep);
          clearTimeout(force);
          resolve();
        });
        server.closeIdleConnections();
      });
      await db.close();
    },
  };
}

/** The process entry: `npm start` (scripts/start.mjs) calls it, as does running this file directly. */
export async function main() {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  let running: RunningServer;
  try {
    running = await startServer(config, logger);
  } catch (error) {
    if (error instanceof DataFileError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    process.stderr.write(`Could not start: ${(error as Error).message}\n`);
    process.exit(1);
  }
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: draining requests and flushing data');
    running.stop().then(
      () => {
        logger.info('stopped: every answered change is on disk');
        process.exit(0);
      },
      (err) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
  // Announced only once a signal would be handled: until process.on installs them, SIGTERM kills outright.
  process.stdout.write(
    `Flowie Exchange onboarding is running at ${running.url} (public URL ${config.publicUrl})\n` +
      `Data file: ${resolve(config.dataFile)}\n`,
  );
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  void main();
}
