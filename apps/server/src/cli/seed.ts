import pino from 'pino';
import { loadConfig } from '../config/config.js';
import { prepareDatabase } from '../db/bootstrap.js';
import { openDatabase } from '../db/client.js';

const config = loadConfig();
const logger = pino({ level: 'info' });
const database = await openDatabase(config.database, logger);
try {
  const result = await prepareDatabase(database, { ...config, seedDemo: true }, logger);
  if (result.generatedAdminPassword)
    console.log(`Administrator: admin / ${result.generatedAdminPassword} (shown once)`);
  console.log(
    result.demoSeeded
      ? `Demo data seeded. Users (password ${result.demoPassword}): ${result.demoLogins.join(', ')}`
      : 'Demo data was already seeded; nothing to do.',
  );
} finally {
  await database.close();
}
