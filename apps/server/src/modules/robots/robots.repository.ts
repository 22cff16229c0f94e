import { and, asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { robotDigestCounts, robots } from './robots.tables.js';

export type RobotRow = typeof robots.$inferSelect;
export type RobotInsert = typeof robots.$inferInsert;

export async function findRobot(db: DbOrTx, id: string): Promise<RobotRow | undefined> {
  const [row] = await db.select().from(robots).where(eq(robots.id, id)).limit(1);
  return row;
}

export async function listRobots(db: DbOrTx): Promise<RobotRow[]> {
  return db.select().from(robots).orderBy(asc(robots.createdAt), asc(robots.id));
}

export async function insertRobot(db: DbOrTx, values: RobotInsert): Promise<RobotRow> {
  const [row] = await db.insert(robots).values(values).returning();
  return row as RobotRow;
}

export async function updateRobot(db: DbOrTx, id: string, set: Partial<RobotInsert>): Promise<RobotRow | undefined> {
  const [row] = await db
    .update(robots)
    .set({ ...set, updatedAt: new Date() })
    .where(eq(robots.id, id))
    .returning();
  return row;
}

export async function deleteRobot(db: DbOrTx, id: string): Promise<void> {
  await db.delete(robots).where(eq(robots.id, id));
}

/** The enabled robots subscribed to one of these topics. */
export async function robotsForTopics(db: DbOrTx, topics: string[]): Promise<RobotRow[]> {
  if (topics.length === 0) return [];
  return db
    .select()
    .from(robots)
    .where(
      and(
        eq(robots.enabled, true),
        sql`${robots.topics} && ARRAY[${sql.join(
          topics.map((topic) => sql`${topic}`),
          sql`, `,
        )}]::text[]`,
      ),
    )
    .orderBy(asc(robots.createdAt), asc(robots.id));
}

/** Adds to the day's counts (the digest): one upsert per metric. */
export async function addDigestCounts(db: DbOrTx, day: string, counts: Record<string, number>): Promise<void> {
  const rows = Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([metric, n]) => ({ day, metric, count: n }));
  if (rows.length === 0) return;
  await db
    .insert(robotDigestCounts)
    .values(rows)
    .onConflictDoUpdate({
      target: [robotDigestCounts.day, robotDigestCounts.metric],
      set: { count: sql`${robotDigestCounts.count} + excluded.count` },
    });
}

export async function digestCounts(db: DbOrTx, day: string): Promise<Record<string, number>> {
  const rows = await db
    .select({ metric: robotDigestCounts.metric, count: robotDigestCounts.count })
    .from(robotDigestCounts)
    .where(eq(robotDigestCounts.day, day));
  return Object.fromEntries(rows.map((r) => [r.metric, r.count]));
}

/** Removes counts older than `before` (kept 90 days). */
export async function pruneDigestCounts(db: DbOrTx, before: string): Promise<void> {
  await db.delete(robotDigestCounts).where(sql`${robotDigestCounts.day} < ${before}::date`);
}
