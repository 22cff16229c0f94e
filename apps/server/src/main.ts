import closeWithGrace from 'close-with-grace';
import pino from 'pino';
import { buildApp } from './app.js';
import { ConfigError, loadConfig } from './config/config.js';
import { prepareDatabase } from './db/bootstrap.js';
import { openDatabase } from './db/client.js';
import { DataDirLockedError } from './db/data-dir-lock.js';

/** Process entry: load config, prepare the database, listen, close gracefully. Nothing else. */
async function main() {
  const config = loadConfig();
  const logger = pino({ level: config.logLevel === 'silent' ? 'info' : config.logLevel });
  const database = await openDatabase(config.database, logger);
  const prepared = await prepareDatabase(database, config, logger);
  const app = await buildApp(config, { database });
  closeWithGrace({ delay: 10_000 }, async ({ err }) => {
    if (err) app.log.error({ err }, 'closing after error');
    await app.close();
    await database.close();
  });
  await app.listen({ port: config.port, host: config.host });

  const lines = [`Kefu 客服 is running at ${config.baseUrl}  (database: ${database.kind})`];
  if (prepared.generatedAdminPassword) {
    lines.push(
      `Administrator: admin / ${prepared.generatedAdminPassword}   (generated now and shown once; set KEFU_ADMIN_PASSWORD to choose it)`,
    );
  }
  if (prepared.demoSeeded) {
    lines.push(`Demo users (password ${prepared.demoPassword}): ${prepared.demoLogins.join(', ')}`);
  }
  console.log(`\n${lines.map((l) => `  ${l}`).join('\n')}\n`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DataDirLockedError) {
    console.error(`\n${error.message}\n`);
    process.exit(1);
  }
  console.error(error);
  process.exit(1);
});
