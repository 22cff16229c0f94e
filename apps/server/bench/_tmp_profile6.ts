import pino from 'pino';
import { eq, sql } from 'drizzle-orm';
import { openEngine, type EngineName } from './engines.js';
import { prepareDatabase } from '../src/db/bootstrap.js';
import { users } from '../src/db/schema/index.js';

const engine = await openEngine((process.env.E ?? 'pglite-memory') as EngineName);
await prepareDatabase(engine.database, engine.config, pino({ level: 'silent' }));
const db = engine.database.db;
const [admin] = await db.select().from(users).where(eq(users.username, 'admin'));
if (process.env.DROP) for (const i of process.env.DROP.split(',')) await engine.database.executeSql('DROP INDEX ' + i);
for (let b = 0; b < 6; b++) {
  const rows = Array.from({ length: 1000 }, (_, i) => ({ id: crypto.randomUUID(), kind: 'company', name: `上海医疗器械有限公司${b}-${i}`, phone: `138${b}${String(i).padStart(7, '0')}`, phone_normalized: `138${b}${String(i).padStart(7, '0')}`, email: `x${b}-${i}@a.cn`, owner_id: admin!.id, custom_fields: {}, address: '上海市中山路1号', region: '上海', category_key: 'dealer', created_by: admin!.id }));
  let t = performance.now();
  const json = JSON.stringify(rows);
  await db.execute(sql`INSERT INTO customers (id, kind, name, phone, phone_normalized, email, owner_id, custom_fields, address, region, category_key, created_by)
    SELECT id, kind, name, phone, phone_normalized, email, owner_id, custom_fields, address, region, category_key, created_by
    FROM jsonb_to_recordset(${json}::jsonb) AS x(id uuid, kind text, name text, phone text, phone_normalized text, email text, owner_id uuid, custom_fields jsonb, address text, region text, category_key text, created_by uuid)`);
  const a = performance.now() - t; t = performance.now();
  await db.execute(sql`INSERT INTO customer_staff (customer_id, user_id, role) SELECT id, ${admin!.id}::uuid, 'owner' FROM jsonb_to_recordset(${json}::jsonb) AS x(id uuid)`);
  const s = performance.now() - t;
  console.log('customers', Math.round(a), 'staff', Math.round(s));
}
await engine.close();
process.exit(0);
