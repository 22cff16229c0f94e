import { and, asc, count, desc, eq, max, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { userNameSql } from '../users/index.js';
import type { OfficialDay } from './calendars.official.js';
import { businessCalendarDays, businessCalendars, businessCalendarVersions, officialDays } from './calendars.tables.js';

export type CalendarRow = typeof businessCalendars.$inferSelect;

export async function insertOfficialDays(db: DbOrTx, days: OfficialDay[]): Promise<void> {
  if (days.length === 0) return;
  await db.insert(officialDays).values(days).onConflictDoNothing();
}

export async function insertCalendar(db: DbOrTx, row: typeof businessCalendars.$inferInsert): Promise<void> {
  await db.insert(businessCalendars).values(row).onConflictDoNothing();
}

export async function findCalendar(db: DbOrTx, id: string): Promise<CalendarRow | undefined> {
  const [row] = await db.select().from(businessCalendars).where(eq(businessCalendars.id, id));
  return row;
}

export async function listCalendars(db: DbOrTx): Promise<CalendarRow[]> {
  return db.select().from(businessCalendars).orderBy(asc(businessCalendars.id));
}

export async function listOfficialDays(db: DbOrTx) {
  return db.select().from(officialDays).orderBy(asc(officialDays.date));
}

export async function listCalendarDays(db: DbOrTx, calendarId: string) {
  return db
    .select()
    .from(businessCalendarDays)
    .where(eq(businessCalendarDays.calendarId, calendarId))
    .orderBy(asc(businessCalendarDays.date));
}

/** Changes whenever an official day is added, edited or removed (part of the compiled cache key). */
export async function officialDaysStamp(db: DbOrTx): Promise<string> {
  const [row] = await db
    .select({ n: count(), last: max(officialDays.updatedAt), years: sql<string>`max(${officialDays.date})` })
    .from(officialDays);
  return `${row?.n ?? 0}:${row?.last ? new Date(row.last).getTime() : 0}:${row?.years ?? ''}`;
}

/** Inserts a new calendar; false when the id is taken. */
export async function createCalendarRow(db: DbOrTx, row: typeof businessCalendars.$inferInsert): Promise<boolean> {
  const inserted = await db
    .insert(businessCalendars)
    .values(row)
    .onConflictDoNothing()
    .returning({ id: businessCalendars.id });
  return inserted.length > 0;
}

/**
 * Moves a calendar from `version` to the next, with `set` applied; undefined when the calendar is
 * missing or at another version (the caller tells which).
 */
export async function bumpCalendar(
  db: DbOrTx,
  id: string,
  version: number,
  set: Partial<Pick<CalendarRow, 'nameZh' | 'nameEn' | 'timeZone' | 'weekly' | 'workday' | 'followsOfficial'>> = {},
): Promise<CalendarRow | undefined> {
  const [row] = await db
    .update(businessCalendars)
    .set({ ...set, version: sql`${businessCalendars.version} + 1`, updatedAt: new Date() })
    .where(and(eq(businessCalendars.id, id), eq(businessCalendars.version, version)))
    .returning();
  return row;
}

export async function upsertCalendarDay(
  db: DbOrTx,
  day: { calendarId: string; date: string; kind: 'off' | 'work'; name: string },
): Promise<void> {
  await db
    .insert(businessCalendarDays)
    .values(day)
    .onConflictDoUpdate({
      target: [businessCalendarDays.calendarId, businessCalendarDays.date],
      set: { kind: day.kind, name: day.name },
    });
}

/** Removes a calendar's own day; false when it had none on that date. */
export async function deleteCalendarDay(db: DbOrTx, calendarId: string, date: string): Promise<boolean> {
  const deleted = await db
    .delete(businessCalendarDays)
    .where(and(eq(businessCalendarDays.calendarId, calendarId), eq(businessCalendarDays.date, date)))
    .returning({ date: businessCalendarDays.date });
  return deleted.length > 0;
}

export async function insertCalendarVersion(db: DbOrTx, row: typeof businessCalendarVersions.$inferInsert) {
  await db.insert(businessCalendarVersions).values(row);
}

/** The highest version recorded under `calendarId` (0 when none). */
export async function lastRecordedVersion(db: DbOrTx, calendarId: string): Promise<number> {
  const [row] = await db
    .select({ v: max(businessCalendarVersions.version) })
    .from(businessCalendarVersions)
    .where(eq(businessCalendarVersions.calendarId, calendarId));
  return row?.v ?? 0;
}

/** A calendar's versions, newest first, with who made them. */
export async function listCalendarVersions(db: DbOrTx, calendarId: string, limit = 200) {
  return db
    .select({
      version: businessCalendarVersions.version,
      summary: businessCalendarVersions.summary,
      snapshot: businessCalendarVersions.snapshot,
      changedAt: businessCalendarVersions.changedAt,
      changedBy: businessCalendarVersions.changedBy,
      changedByName: userNameSql(businessCalendarVersions.changedBy),
    })
    .from(businessCalendarVersions)
    .where(eq(businessCalendarVersions.calendarId, calendarId))
    .orderBy(desc(businessCalendarVersions.version))
    .limit(limit);
}

/** The official days of the years `from`…`to` (inclusive), in date order. */
export async function listOfficialDaysBetween(db: DbOrTx, from: string, to: string) {
  return db
    .select()
    .from(officialDays)
    .where(and(sql`${officialDays.date} >= ${from}`, sql`${officialDays.date} <= ${to}`))
    .orderBy(asc(officialDays.date));
}
