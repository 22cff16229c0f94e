import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildApp } from '../app.js';
import { loadConfig } from '../config/config.js';
import { openDatabase } from '../db/client.js';

/**
 * Writes the OpenAPI document to apps/server/openapi.json (the web client is generated from it).
 * With --check, exits 1 when the committed file differs from what the server describes.
 */
const config = {
  ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }),
  jobs: { enabled: false, pollingIntervalSeconds: 1 },
};
const database = await openDatabase({ kind: 'pglite', dataDir: null });
const app = await buildApp(config, { database });
await app.ready();
const target = fileURLToPath(new URL('../../openapi.json', import.meta.url));
const document = `${JSON.stringify(app.swagger(), null, 2)}\n`;
await app.close();
await database.close();
if (process.argv.includes('--check')) {
  const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : '';
  if (current !== document) {
    console.error('apps/server/openapi.json is stale: run `npm run openapi -w apps/server` and commit it.');
    process.exit(1);
  }
  console.log('openapi.json is up to date.');
} else {
  fs.writeFileSync(target, document);
  console.log(`Wrote ${target}`);
}
