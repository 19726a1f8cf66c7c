import type { Clock } from './clock.js';
import type { Config } from './config.js';
import type { Logger } from './logger.js';
import type { Db } from './store/db.js';
import type { Repositories } from './store/repositories.js';

/** What every service needs; built once by createApp. Services never see req or res. */
export interface ServiceContext {
  config: Config;
  db: Db;
  repos: Repositories;
  clock: Clock;
  logger: Logger;
}
