import pino from 'pino';
import { eq, sql } from 'drizzle-orm';
import { openEngine, type EngineName } from './engines.js';
import { prepareDatabase } from '../src/db/bootstrap.js';
import { customers, customerTimeline, customerStaff, users } from '../src/db/schema/index.js';

const engine = await openEngine((process.env.E ?? 'pglite-memory') as EngineName);
await prepareDatabase(engine.database, engine.config, pino({ level: 'silent' }));
const db = engine.database.db;
const [admin] = await db.select().from(users).where(eq(users.username, 'admin'));
for (let b = 0; b < 5; b++) {
  const rows = Array.from({ length: 1000 }, (_, i) => ({ id: crypto.randomUUID(), kind: 'company' as const, name: `上海医疗器械有限公司${b}-${i}`, phone: `138${b}${String(i).padStart(7, '0')}`, phoneNormalized: `138${b}${String(i).padStart(7, '0')}`, email: `x${b}-${i}@a.cn`, ownerId: admin!.id, customFields: {}, address: '上海市中山路1号', region: '上海', categoryKey: 'dealer' }));
  let t = performance.now();
  await db.insert(customers).values(rows);
  const a = performance.now() - t; t = performance.now();
  await db.insert(customerStaff).values(rows.map((r) => ({ customerId: r.id, userId: admin!.id, role: 'owner' as const })));
  const s = performance.now() - t; t = performance.now();
  await db.insert(customerTimeline).values(rows.map((r) => ({ customerId: r.id, kind: 'change', title: 'customer.imported', actorId: admin!.id })));
  const tl = performance.now() - t;
  console.log('customers', Math.round(a), 'staff', Math.round(s), 'timeline', Math.round(tl));
}
const r = await engine.database.executeSql(`SELECT indexname FROM pg_indexes WHERE tablename='customers'`);
console.log(r.rows.map((x) => x.indexname).join(' '));
await engine.close();
process.exit(0);
