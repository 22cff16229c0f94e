import { and, asc, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { usersWithPermissionSql } from '../../users/index.js';
import type { OfficialDay } from '../calendars.official.js';
import { officialDays } from '../calendars.tables.js';

const inYear = (year: number) =>
  and(sql`${officialDays.date} >= ${`${year}-01-01`}`, sql`${officialDays.date} <= ${`${year}-12-31`}`);

/** Per year: how many days, off days and make-up working days, and whether an administrator set it. */
export async function officialYearSummaries(db: DbOrTx) {
  const result = await db.execute<{ year: number; days: number; off_days: number; work_days: number; admin: boolean }>(
    sql`SELECT substr(${officialDays.date}, 1, 4)::int AS year, count(*)::int AS days,
        (count(*) FILTER (WHERE ${officialDays.kind} = 'off'))::int AS off_days,
        (count(*) FILTER (WHERE ${officialDays.kind} = 'work'))::int AS work_days,
        bool_or(${officialDays.source} = 'admin') AS admin
      FROM ${officialDays} GROUP BY 1 ORDER BY 1`,
  );
  return result.rows.map((r) => ({
    year: Number(r.year),
    days: Number(r.days),
    offDays: Number(r.off_days),
    workDays: Number(r.work_days),
    source: r.admin ? ('admin' as const) : ('seed' as const),
  }));
}

export async function listOfficialYear(db: DbOrTx, year: number) {
  return db.select().from(officialDays).where(inYear(year)).orderBy(asc(officialDays.date));
}

export async function countOfficialYear(db: DbOrTx, year: number): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(officialDays).where(inYear(year));
  return Number(row?.n ?? 0);
}

/** Replaces every day of `year` with `days` (all within that year), marked as set by an administrator. */
export async function replaceOfficialYear(db: DbOrTx, year: number, days: OfficialDay[]): Promise<void> {
  await db.delete(officialDays).where(inYear(year));
  if (days.length > 0)
    await db.insert(officialDays).values(days.map((d) => ({ ...d, source: 'admin' as const, updatedAt: new Date() })));
}

/** Adds or overwrites single days (days of a neighbouring year named by an imported arrangement). */
export async function upsertOfficialDays(db: DbOrTx, days: OfficialDay[]): Promise<void> {
  if (days.length === 0) return;
  await db
    .insert(officialDays)
    .values(days.map((d) => ({ ...d, source: 'admin' as const, updatedAt: new Date() })))
    .onConflictDoUpdate({
      target: officialDays.date,
      set: {
        kind: sql`excluded.kind`,
        nameZh: sql`excluded.name_zh`,
        nameEn: sql`excluded.name_en`,
        source: sql`excluded.source`,
        updatedAt: sql`excluded.updated_at`,
      },
    });
}

/** Serialises changes of the official arrangements (their version numbers) across instances. */
export async function lockOfficialDays(db: DbOrTx): Promise<void> {
  await db.execute(sql`SELECT pg_advisory_xact_lock(hashtext('kefu.calendars.official'))`);
}

/** Active users who may manage calendars (the administrators told about a missing year). */
export async function calendarManagers(db: DbOrTx): Promise<string[]> {
  const result = await db.execute<{ id: string }>(
    sql`SELECT u.id FROM ${usersWithPermissionSql('calendars.manage')} u WHERE u.is_active ORDER BY u.id`,
  );
  return result.rows.map((r) => r.id);
}
