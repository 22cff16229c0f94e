import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { seedSurveysDemo } from '../../modules/surveys/index.js';
import type { DbOrTx } from '../client.js';
import { customers, users } from '../schema/index.js';

/** The demo survey 满意度回访 with forty answers of the demo customers about the hotline agents. */
export async function seedDemoSurveys(db: DbOrTx, timeZone: string): Promise<void> {
  const agents = await db
    .select({ id: users.id, name: users.displayName, departmentId: users.departmentId })
    .from(users)
    .where(inArray(users.username, ['wangfang', 'liuyang', 'chenchen']))
    .orderBy(asc(users.username));
  const people = await db
    .select({ id: customers.id })
    .from(customers)
    .where(and(eq(customers.kind, 'person'), isNull(customers.mergedIntoId)))
    .orderBy(asc(customers.code))
    .limit(30);
  const [manager] = await db.select({ id: users.id }).from(users).where(eq(users.username, 'lijing'));
  await seedSurveysDemo(db, {
    timeZone,
    agents,
    customerIds: people.map((c) => c.id),
    createdBy: manager?.id ?? null,
  });
}
