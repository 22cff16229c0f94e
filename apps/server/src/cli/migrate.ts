import pino from 'pino';
import { loadConfig } from '../config/config.js';
import { openDatabase } from '../db/client.js';
import { migrationState, runMigrations } from '../db/migrate.js';

const config = loadConfig();
const logger = pino({ level: 'info' });
const database = await openDatabase(config.database, logger);
try {
  const { applied } = await runMigrations(database);
  const state = await migrationState(database);
  console.log(
    `Migrated ${database.kind}: ${applied} applied now, ${state.applied}/${state.known} in total (latest ${state.latest}).`,
  );
} finally {
  await database.close();
}
