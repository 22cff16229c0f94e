import pino from 'pino';
import { buildApp } from '../src/app.js';
import { prepareDatabase } from '../src/db/bootstrap.js';
import { BENCH_ADMIN_PASSWORD, openEngine, type EngineName } from './engines.js';
import { signIn } from './http.js';
import { addVolume } from './volume.js';

const engine = await openEngine((process.env.E ?? 'pglite-memory') as EngineName);
await prepareDatabase(engine.database, engine.config, pino({ level: 'silent' }));
await addVolume(engine.database, { users: Number(process.env.U ?? 2000), auditRows: Number(process.env.A ?? 50000) });
const app = await buildApp(engine.config, { database: engine.database });
await app.listen({ host: '127.0.0.1', port: 0 });
const port = (app.server.address() as { port: number }).port;
const base = `http://127.0.0.1:${port}`;
const cookie = await signIn(base, 'admin', BENCH_ADMIN_PASSWORD);
for (const p of ['/api/health', '/api/v1/auth/me', '/api/v1/users?page=1&pageSize=20&sort=-createdAt', '/api/v1/audit?pageSize=20']) {
  const times: number[] = [];
  for (let i = 0; i < 30; i++) {
    const t = performance.now();
    const r = await fetch(base + p, { headers: { cookie } });
    await r.text();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  console.log(p, 'median', times[15]?.toFixed(2), 'min', times[0]?.toFixed(2));
}
if (process.env.SQL) {
  for (const q of process.env.SQL.split(';;')) {
    const r = await engine.database.executeSql(q, []);
    console.log(r.rows.map((x) => Object.values(x).join(' ')).join('\n'));
  }
}
await app.close();
await engine.close();
process.exit(0);
