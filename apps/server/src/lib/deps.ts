import type { Config } from '../config/config.js';
import type { Database } from '../db/client.js';
import type { EventBus } from '../events/bus.js';
import type { JobRunner } from '../jobs/runner.js';

/** What use-case functions need from the running app; built once in `buildApp`. */
export type Deps = {
  config: Config;
  database: Database;
  bus: EventBus;
  jobs: JobRunner;
};
