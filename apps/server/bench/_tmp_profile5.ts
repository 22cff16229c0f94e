import pino from 'pino';
import { eq } from 'drizzle-orm';
import { openEngine, type EngineName } from './engines.js';
import { prepareDatabase } from '../src/db/bootstrap.js';
import { customers, customerStaff, users } from '../src/db/schema/index.js';

const engine = await openEngine((process.env.E ?? 'pglite-memory') as EngineName);
await prepareDatabase(engine.database, engine.config, pino({ level: 'silent' }));
const db = engine.database.db;
const [admin] = await db.select().from(users).where(eq(users.username, 'admin'));
for (let b = 0; b < 4; b++) {
  const rows = Array.from({ length: 1000 }, (_, i) => ({ id: crypto.randomUUID(), kind: 'company' as const, name: `上海医疗器械有限公司${b}-${i}`, ownerId: admin!.id, customFields: {} }));
  let t = performance.now();
  const q = db.insert(customers).values(rows).toSQL();
  const build = performance.now() - t; t = performance.now();
  await engine.database.executeSql(q.sql, q.params as unknown[]);
  const exec = performance.now() - t; t = performance.now();
  const staff = rows.map((r) => ({ customerId: r.id, userId: admin!.id, role: 'owner' as const }));
  const q2 = db.insert(customerStaff).values(staff).toSQL();
  const build2 = performance.now() - t; t = performance.now();
  await engine.database.executeSql(q2.sql, q2.params as unknown[]);
  const exec2 = performance.now() - t; t = performance.now();
  console.log('customers build', Math.round(build), 'exec', Math.round(exec), '| staff build', Math.round(build2), 'exec', Math.round(exec2));
}
await engine.close();
process.exit(0);
