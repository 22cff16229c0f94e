import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildApp } from '../app.js';
import { loadConfig } from '../config/config.js';
import { openDatabase } from '../db/client.js';

/** Writes the OpenAPI document to apps/server/openapi.json (the web client is generated from it). */
const config = { ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }), jobs: { enabled: false, pollingIntervalSeconds: 1 } };
const database = await openDatabase({ kind: 'pglite', dataDir: null });
const app = await buildApp(config, { database });
await app.ready();
const target = fileURLToPath(new URL('../../openapi.json', import.meta.url));
fs.writeFileSync(target, `${JSON.stringify(app.swagger(), null, 2)}\n`);
await app.close();
await database.close();
console.log(`Wrote ${target}`);
