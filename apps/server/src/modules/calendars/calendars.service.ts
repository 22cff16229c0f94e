import type { DbOrTx } from '../../db/client.js';
import { runSeedOnce } from '../../db/seed/base.js';
import { AppError } from '../../lib/app-error.js';
import type { Deps } from '../../lib/deps.js';
import { CalendarRangeError, CompiledCalendar, type DayOverride, type Period, zoneOffset } from './calendar.engine.js';
import { shippedOfficialDays } from './calendars.official.js';
import * as repo from './calendars.repository.js';

/** The built-in calendar: Monday–Friday 09:00–18:00 without a break, Asia/Shanghai, official days. */
export const CN_WORKDAYS = 'cn-workdays';
const NINE_TO_SIX: Period[] = [[9 * 60, 18 * 60]];

/** Years a calendar is compiled for (instants outside are refused with `calendars.out_of_range`). */
export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2060;

/**
 * The official arrangements of every year the `chinese-days` package ships, each year once per
 * database (a year an administrator edited is never overwritten; a newer package adds new years),
 * and the built-in `cn-workdays` calendar. Idempotent; run at start.
 */
export async function seedCalendars(db: DbOrTx): Promise<void> {
  await db.transaction(async (tx) => {
    for (const [year, days] of shippedOfficialDays())
      await runSeedOnce(tx, `official-days-${year}`, (inner) => repo.insertOfficialDays(inner, days));
    await seedBuiltin(tx);
  });
}

async function seedBuiltin(db: DbOrTx): Promise<void> {
  await repo.insertCalendar(db, {
    id: CN_WORKDAYS,
    nameZh: '法定工作日（周一至周五 9:00–18:00）',
    nameEn: 'Official working days (Mon–Fri 09:00–18:00)',
    timeZone: 'Asia/Shanghai',
    weekly: [[], NINE_TO_SIX, NINE_TO_SIX, NINE_TO_SIX, NINE_TO_SIX, NINE_TO_SIX, []],
    workday: NINE_TO_SIX,
    followsOfficial: true,
    isBuiltin: true,
  });
}

const seeded = new WeakMap<object, Promise<void>>();

/**
 * Seeds on first use per database handle (not at start: an app is also built on databases that
 * are not migrated, e.g. to print the OpenAPI document). A failed attempt is tried again next time.
 */
export function ensureSeeded(deps: Deps): Promise<void> {
  let done = seeded.get(deps.database);
  if (!done) {
    done = seedCalendars(deps.database.db).catch((error: unknown) => {
      seeded.delete(deps.database);
      throw error;
    });
    seeded.set(deps.database, done);
  }
  return done;
}

type Cached = { key: string; compiled: CompiledCalendar };
const cache = new Map<string, Cached>();

/**
 * The compiled calendar `id`, rebuilt when the calendar's version or the official days changed
 * (checked on every call with two small reads, so every instance sees an edit at once).
 */
export async function compiledCalendar(db: DbOrTx, id: string): Promise<CompiledCalendar> {
  const row = await repo.findCalendar(db, id);
  if (!row) throw new AppError('calendars.not_found', 404);
  const stamp = row.followsOfficial ? await repo.officialDaysStamp(db) : '-';
  const key = `${row.version}:${stamp}`;
  const hit = cache.get(id);
  if (hit && hit.key === key) return hit.compiled;
  const official = row.followsOfficial ? await repo.listOfficialDays(db) : [];
  const own = await repo.listCalendarDays(db, id);
  const byDate = new Map<string, DayOverride>();
  for (const d of official) byDate.set(d.date, { date: d.date, kind: d.kind, name: d.nameZh, source: 'official' });
  for (const d of own) byDate.set(d.date, { date: d.date, kind: d.kind, name: d.name, source: 'calendar' });
  const compiled = new CompiledCalendar({
    timeZone: row.timeZone,
    weekly: row.weekly,
    workday: row.workday,
    overrides: [...byDate.values()],
    fromYear: FIRST_YEAR,
    toYear: LAST_YEAR,
  });
  cache.set(id, { key, compiled });
  return compiled;
}

/** ISO-8601 in the calendar's own offset (`2026-02-24T10:00:00+08:00`). */
function inZone(instant: number, zone: string): string {
  const offset = zoneOffset(zone, instant);
  const local = new Date(instant + offset).toISOString().slice(0, 19);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset) / 60_000;
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

function inRange<T>(compute: () => T): T {
  try {
    return compute();
  } catch (error) {
    if (error instanceof CalendarRangeError)
      throw new AppError('calendars.out_of_range', 400, { params: { from: FIRST_YEAR, to: LAST_YEAR } });
    throw error;
  }
}

export async function computeDue(deps: Deps, id: string, input: { start: string; minutes: number }) {
  await ensureSeeded(deps);
  const calendar = await compiledCalendar(deps.database.db, id);
  const due = inRange(() => calendar.due(Date.parse(input.start), input.minutes));
  return { due: inZone(due, calendar.spec.timeZone) };
}

/**
 * The start of the next working day: the first working instant after the local midnight that ends
 * `from`'s day in the calendar's zone — holidays skipped, 调休 make-up days (a working Saturday)
 * counted, the day's first working period (09:00 on `cn-workdays`).
 */
export async function nextWorkingStart(deps: Deps, id: string, from: string | undefined) {
  await ensureSeeded(deps);
  const calendar = await compiledCalendar(deps.database.db, id);
  const start = inRange(() => {
    const at = from ? Date.parse(from) : Date.now();
    const today = calendar.localDate(at);
    const tomorrow = new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    return calendar.due(calendar.dayStart(tomorrow), 0);
  });
  return { start: inZone(start, calendar.spec.timeZone), date: calendar.localDate(start) };
}

export async function computeElapsed(deps: Deps, id: string, input: { from: string; to: string }) {
  await ensureSeeded(deps);
  const calendar = await compiledCalendar(deps.database.db, id);
  return { minutes: inRange(() => calendar.elapsed(Date.parse(input.from), Date.parse(input.to))) };
}

export async function listBusinessCalendars(deps: Deps, locale: string) {
  await ensureSeeded(deps);
  const rows = await repo.listCalendars(deps.database.db);
  return {
    items: rows.map((r) => ({
      id: r.id,
      name: locale === 'en' ? r.nameEn : r.nameZh,
      timeZone: r.timeZone,
      followsOfficial: r.followsOfficial,
      isBuiltin: r.isBuiltin,
      version: r.version,
    })),
  };
}
