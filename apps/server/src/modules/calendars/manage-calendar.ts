import { type Locale, type MessageKey, type MessageParams, t } from '@kefu/shared';
import type { DbOrTx } from '../../db/client.js';
import { recordEvent } from '../../events/outbox.js';
import type { Actor, RequestContext } from '../../lib/actor.js';
import { AppError } from '../../lib/app-error.js';
import type { Deps } from '../../lib/deps.js';
import { recordAudit } from '../audit/index.js';
import type { Period } from './calendar.engine.js';
import * as repo from './calendars.repository.js';
import { ensureSeeded, FIRST_YEAR, LAST_YEAR } from './calendars.service.js';

/**
 * Editing a business calendar (the calendar editor): create, change its settings, set or remove its
 * own days. Every change is one transaction that moves the calendar to its next `version` (a stale
 * version is refused with 409), keeps a snapshot of it in `business_calendar_versions`, writes the
 * audit entry and records `calendar.changed` (the SLA module recomputes the open clocks on it).
 */

type Ctx = RequestContext & { actor: Actor };
type Settings = {
  nameZh: string;
  nameEn: string;
  timeZone: string;
  weekly: Period[][];
  workday: Period[];
  followsOfficial: boolean;
};
/** What a version row says changed: a message key of the catalog + its params, worded when read. */
export type Change = { key: MessageKey; params?: MessageParams };

/** Ids a calendar cannot take (they are paths of the calendars API). */
const RESERVED_IDS = new Set(['official']);

/** A real `YYYY-MM-DD` date within the compiled years. */
export function assertDate(date: string): void {
  const ms = Date.parse(`${date}T00:00:00Z`);
  const year = Number(date.slice(0, 4));
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(date) ||
    Number.isNaN(ms) ||
    new Date(ms).toISOString().slice(0, 10) !== date ||
    year < FIRST_YEAR ||
    year > LAST_YEAR
  )
    throw new AppError('calendars.invalid_date', 400, { params: { date, from: FIRST_YEAR, to: LAST_YEAR } });
}

/** The zone's canonical IANA name (Intl refuses an unknown one). */
function canonicalZone(zone: string): string {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    throw new AppError('calendars.invalid_time_zone', 400, { params: { zone } });
  }
}

/** Each day's periods: [start, end) within the day, start < end, in order, not overlapping. */
function assertPeriods(lists: readonly (readonly Period[])[]): void {
  for (const periods of lists) {
    let previousEnd = -1;
    for (const [start, end] of periods) {
      if (start < 0 || end > 1440 || start >= end || start < previousEnd)
        throw new AppError('calendars.invalid_periods', 400);
      previousEnd = end;
    }
  }
}

function validSettings(input: Settings): Settings {
  assertPeriods([...input.weekly, input.workday]);
  return { ...input, timeZone: canonicalZone(input.timeZone) };
}

const mutable = (periods: readonly Period[]): [number, number][] => periods.map(([start, end]) => [start, end]);

function view(row: repo.CalendarRow, days: { date: string; kind: 'off' | 'work'; name: string }[], locale: Locale) {
  return {
    id: row.id,
    name: locale === 'en' ? row.nameEn : row.nameZh,
    nameZh: row.nameZh,
    nameEn: row.nameEn,
    timeZone: row.timeZone,
    weekly: row.weekly.map(mutable),
    workday: mutable(row.workday),
    followsOfficial: row.followsOfficial,
    isBuiltin: row.isBuiltin,
    version: row.version,
    days: days.map((d) => ({ date: d.date, kind: d.kind, name: d.name })),
  };
}

async function findOr404(db: DbOrTx, id: string): Promise<repo.CalendarRow> {
  const row = await repo.findCalendar(db, id);
  if (!row) throw new AppError('calendars.not_found', 404);
  return row;
}

/** Moves the calendar to its next version or explains why not (404 gone, 409 stale). */
async function bump(db: DbOrTx, id: string, version: number, set?: Parameters<typeof repo.bumpCalendar>[3]) {
  const row = await repo.bumpCalendar(db, id, version, set);
  if (row) return row;
  const current = await findOr404(db, id);
  throw new AppError('calendars.version_conflict', 409, { params: { current: current.version, given: version } });
}

/** The version row, the audit entry and the event of a change, in the change's transaction. */
async function recordChange(
  tx: DbOrTx,
  ctx: Ctx,
  row: repo.CalendarRow,
  change: Change,
  audit: { action: string; before?: unknown; after?: unknown },
) {
  const days = await repo.listCalendarDays(tx, row.id);
  const snapshot = {
    nameZh: row.nameZh,
    nameEn: row.nameEn,
    timeZone: row.timeZone,
    weekly: row.weekly,
    workday: row.workday,
    followsOfficial: row.followsOfficial,
    days: days.map((d) => ({ date: d.date, kind: d.kind, name: d.name })),
    change,
  };
  await repo.insertCalendarVersion(tx, {
    calendarId: row.id,
    version: row.version,
    snapshot,
    summary: change.key,
    changedBy: ctx.actor.userId,
  });
  await recordAudit(tx, ctx, {
    action: audit.action,
    entityType: 'business_calendar',
    entityId: row.id,
    before: audit.before,
    after: audit.after,
    details: { version: row.version },
  });
  await recordEvent(tx, 'calendar.changed', { calendarId: row.id, version: row.version }, ctx.actor.userId);
  return days;
}

export async function getCalendar(deps: Deps, locale: Locale, id: string) {
  await ensureSeeded(deps);
  const db = deps.database.db;
  const row = await findOr404(db, id);
  return view(row, await repo.listCalendarDays(db, id), locale);
}

/** A slug from the English name (`Back office` → `back-office`). */
function slug(name: string): string {
  const base = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/, '');
  return base.length >= 2 ? base : 'calendar';
}

export async function createCalendar(deps: Deps, ctx: Ctx, input: Settings & { id?: string }) {
  await ensureSeeded(deps);
  const settings = validSettings(input);
  if (input.id && RESERVED_IDS.has(input.id))
    throw new AppError('calendars.id_reserved', 400, { params: { id: input.id } });
  return deps.database.db.transaction(async (tx) => {
    const candidates = input.id
      ? [input.id]
      : Array.from({ length: 20 }, (_, i) => (i === 0 ? slug(input.nameEn) : `${slug(input.nameEn)}-${i + 1}`));
    let id: string | undefined;
    for (const candidate of candidates) {
      if (RESERVED_IDS.has(candidate)) continue;
      if (await repo.createCalendarRow(tx, { id: candidate, ...settings, isBuiltin: false, version: 1 })) {
        id = candidate;
        break;
      }
    }
    if (!id) throw new AppError('calendars.id_taken', 409, { params: { id: input.id ?? candidates[0] } });
    const row = await findOr404(tx, id);
    const days = await recordChange(
      tx,
      ctx,
      row,
      { key: 'calendars.version.created' },
      {
        action: 'calendar.created',
        after: settings,
      },
    );
    return view(row, days, ctx.locale);
  });
}

export async function updateCalendar(deps: Deps, ctx: Ctx, id: string, input: Settings & { version: number }) {
  await ensureSeeded(deps);
  const { version, ...rest } = input;
  const settings = validSettings(rest);
  return deps.database.db.transaction(async (tx) => {
    const before = await findOr404(tx, id);
    if (before.isBuiltin) {
      const fixed = (r: Omit<Settings, 'nameZh' | 'nameEn'>) =>
        JSON.stringify([r.timeZone, r.weekly, r.workday, r.followsOfficial]);
      if (fixed(settings) !== fixed(before as unknown as Settings)) throw new AppError('calendars.builtin_locked', 400);
    }
    const row = await bump(tx, id, version, settings);
    const days = await recordChange(
      tx,
      ctx,
      row,
      { key: 'calendars.version.settings' },
      {
        action: 'calendar.updated',
        before: {
          nameZh: before.nameZh,
          nameEn: before.nameEn,
          timeZone: before.timeZone,
          weekly: before.weekly,
          workday: before.workday,
          followsOfficial: before.followsOfficial,
        },
        after: settings,
      },
    );
    return view(row, days, ctx.locale);
  });
}

export async function setCalendarDay(
  deps: Deps,
  ctx: Ctx,
  id: string,
  date: string,
  input: { kind: 'off' | 'work'; name: string; version: number },
) {
  await ensureSeeded(deps);
  assertDate(date);
  return deps.database.db.transaction(async (tx) => {
    const row = await bump(tx, id, input.version);
    await repo.upsertCalendarDay(tx, { calendarId: id, date, kind: input.kind, name: input.name });
    const change: Change = {
      key: 'calendars.version.day_set',
      params: { date, kind: { key: `calendars.kind.${input.kind}` }, name: input.name },
    };
    const days = await recordChange(tx, ctx, row, change, {
      action: 'calendar.day_set',
      after: { date, kind: input.kind, name: input.name },
    });
    return view(row, days, ctx.locale);
  });
}

export async function removeCalendarDay(deps: Deps, ctx: Ctx, id: string, date: string, version: number) {
  await ensureSeeded(deps);
  assertDate(date);
  return deps.database.db.transaction(async (tx) => {
    const row = await bump(tx, id, version);
    if (!(await repo.deleteCalendarDay(tx, id, date)))
      throw new AppError('calendars.day_not_found', 404, { params: { date } });
    const days = await recordChange(
      tx,
      ctx,
      row,
      { key: 'calendars.version.day_removed', params: { date } },
      {
        action: 'calendar.day_removed',
        before: { date },
      },
    );
    return view(row, days, ctx.locale);
  });
}

/** The year's special days for the year view: the official ones (if followed), the calendar's own on top. */
export async function calendarYear(deps: Deps, locale: Locale, id: string, year: number) {
  await ensureSeeded(deps);
  const db = deps.database.db;
  const row = await findOr404(db, id);
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  type YearDay = { date: string; kind: 'off' | 'work'; name: string; source: 'official' | 'calendar' };
  const byDate = new Map<string, YearDay>();
  if (row.followsOfficial)
    for (const d of await repo.listOfficialDaysBetween(db, from, to))
      byDate.set(d.date, {
        date: d.date,
        kind: d.kind,
        name: locale === 'en' ? d.nameEn : d.nameZh,
        source: 'official',
      });
  for (const d of await repo.listCalendarDays(db, id))
    if (d.date >= from && d.date <= to)
      byDate.set(d.date, { date: d.date, kind: d.kind, name: d.name, source: 'calendar' });
  return { year, days: [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date)) };
}

/** Words a version row's summary (a catalog key) with the params kept in its snapshot. */
export function wordChange(locale: Locale, summary: string, snapshot: Record<string, unknown>): string {
  const change = snapshot.change as Change | undefined;
  return t(locale, (change?.key ?? summary) as MessageKey, change?.params ?? {});
}

export async function listVersions(deps: Deps, locale: Locale, calendarId: string) {
  const db = deps.database.db;
  const rows = await repo.listCalendarVersions(db, calendarId);
  return {
    items: rows.map((r) => ({
      version: r.version,
      summary: wordChange(locale, r.summary, r.snapshot),
      changedAt: new Date(r.changedAt).toISOString(),
      changedBy: r.changedBy,
      changedByName: r.changedByName,
    })),
  };
}

export async function listCalendarVersions(deps: Deps, locale: Locale, id: string) {
  await ensureSeeded(deps);
  await findOr404(deps.database.db, id);
  return listVersions(deps, locale, id);
}
