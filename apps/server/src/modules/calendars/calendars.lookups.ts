import type { DbOrTx } from '../../db/client.js';
import { CompiledCalendar, type DayOverride, type Period } from './calendar.engine.js';
import * as repo from './calendars.repository.js';
import { FIRST_YEAR, LAST_YEAR } from './calendars.service.js';

/** A calendar's name (both languages), zone and version, for other modules' views (e.g. the SLA explain). */
export async function calendarInfo(db: DbOrTx, id: string) {
  const row = await repo.findCalendar(db, id);
  if (!row) return undefined;
  return { id: row.id, nameZh: row.nameZh, nameEn: row.nameEn, timeZone: row.timeZone, version: row.version };
}

/** A calendar as an editor holds it before saving (the preview of which deadlines would move). */
export type DraftCalendar = {
  timeZone: string;
  weekly: Period[][];
  workday: Period[];
  followsOfficial: boolean;
  days: { date: string; kind: 'off' | 'work'; name?: string | null }[];
};

/** Compiles a draft calendar the way a saved one is compiled (official days, then its own days). */
export async function compileDraftCalendar(db: DbOrTx, draft: DraftCalendar): Promise<CompiledCalendar> {
  const official = draft.followsOfficial ? await repo.listOfficialDays(db) : [];
  const byDate = new Map<string, DayOverride>();
  for (const d of official) byDate.set(d.date, { date: d.date, kind: d.kind, name: d.nameZh, source: 'official' });
  for (const d of draft.days)
    byDate.set(d.date, { date: d.date, kind: d.kind, name: d.name ?? '', source: 'calendar' });
  return new CompiledCalendar({
    timeZone: draft.timeZone,
    weekly: draft.weekly,
    workday: draft.workday,
    overrides: [...byDate.values()],
    fromYear: FIRST_YEAR,
    toYear: LAST_YEAR,
  });
}
