import { asc, count, eq, max, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import type { OfficialDay } from './calendars.official.js';
import { businessCalendarDays, businessCalendars, officialDays } from './calendars.tables.js';

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
