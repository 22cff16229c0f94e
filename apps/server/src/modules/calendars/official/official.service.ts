import { type Locale, type MessageRef, renderRef } from '@kefu/shared';
import type { DbOrTx } from '../../../db/client.js';
import { runSeedOnce } from '../../../db/seed/base.js';
import { recordEvent } from '../../../events/outbox.js';
import type { Actor, RequestContext } from '../../../lib/actor.js';
import { AppError } from '../../../lib/app-error.js';
import type { Deps } from '../../../lib/deps.js';
import { recordAudit } from '../../audit/index.js';
import { queueNotifications } from '../../notifications/index.js';
import { findActiveUserLocales } from '../../users/index.js';
import { zoneOffset } from '../calendar.engine.js';
import type { OfficialDay } from '../calendars.official.js';
import * as calendarsRepo from '../calendars.repository.js';
import { ensureSeeded } from '../calendars.service.js';
import { assertDate, type Change } from '../manage-calendar.js';
import { parseArrangement } from './official.parse.js';
import * as repo from './official.repository.js';

/**
 * The State Council's arrangements (放假安排) as administrators keep them: the years on file, one
 * year replaced from the form, a year imported from an iCal or JSON file (dry run first), and the
 * daily check that tells administrators, once a year, that next year is still missing after
 * 1 November. Each change is one transaction: the days, a version row under '*official*', the
 * audit entry and `calendar.changed` with calendarId null (every calendar that follows the
 * official days changed).
 */

type Ctx = RequestContext & { actor: Actor };
export const OFFICIAL_VERSIONS = '*official*';
/** The arrangements are Chinese: "after 1 November" is in Beijing time. */
const ZONE = 'Asia/Shanghai';
/** From this month on (November) next year's arrangement is expected. */
const WARN_FROM_MONTH = 11;

function beijing(now: Date): { year: number; month: number } {
  const local = new Date(now.getTime() + zoneOffset(ZONE, now.getTime()));
  return { year: local.getUTCFullYear(), month: local.getUTCMonth() + 1 };
}

export async function listOfficialYears(deps: Deps, now = new Date()) {
  await ensureSeeded(deps);
  const years = await repo.officialYearSummaries(deps.database.db);
  const { year, month } = beijing(now);
  const nextYear = year + 1;
  return {
    years,
    nextYear,
    nextYearMissing: month >= WARN_FROM_MONTH && !years.some((y) => y.year === nextYear),
  };
}

export async function getOfficialYear(deps: Deps, locale: Locale, year: number) {
  await ensureSeeded(deps);
  const db = deps.database.db;
  const days = await repo.listOfficialYear(db, year);
  return {
    year,
    days: days.map((d) => ({
      date: d.date,
      kind: d.kind,
      nameZh: d.nameZh,
      nameEn: d.nameEn,
      name: locale === 'en' ? d.nameEn : d.nameZh,
      source: d.source,
    })),
    version: await calendarsRepo.lastRecordedVersion(db, OFFICIAL_VERSIONS),
  };
}

/** The version row, audit entry and event of a change of the official days (lock taken first). */
async function commitOfficial(
  tx: DbOrTx,
  ctx: Ctx,
  change: Change,
  snapshot: Record<string, unknown>,
  audit: { action: string; details: Record<string, unknown> },
): Promise<number> {
  const version = (await calendarsRepo.lastRecordedVersion(tx, OFFICIAL_VERSIONS)) + 1;
  await calendarsRepo.insertCalendarVersion(tx, {
    calendarId: OFFICIAL_VERSIONS,
    version,
    snapshot: { ...snapshot, change },
    summary: change.key,
    changedBy: ctx.actor.userId,
  });
  await recordAudit(tx, ctx, {
    action: audit.action,
    entityType: 'official_days',
    details: { ...audit.details, version },
  });
  await recordEvent(tx, 'calendar.changed', { calendarId: null, version }, ctx.actor.userId);
  return version;
}

/** Replaces a year and keeps the shipped data from ever adding to it again (the seed of that year is claimed). */
async function writeYear(tx: DbOrTx, year: number, days: OfficialDay[]): Promise<void> {
  await repo.replaceOfficialYear(tx, year, days);
  await runSeedOnce(tx, `official-days-${year}`, async () => {});
}

const counts = (days: OfficialDay[]) => ({
  off: days.filter((d) => d.kind === 'off').length,
  work: days.filter((d) => d.kind === 'work').length,
});

/** The form: the whole year at once (an empty list removes the year). */
export async function replaceOfficialYear(
  deps: Deps,
  ctx: Ctx,
  year: number,
  input: { date: string; kind: 'off' | 'work'; nameZh: string; nameEn?: string }[],
) {
  await ensureSeeded(deps);
  const seen = new Set<string>();
  const days: OfficialDay[] = input.map((d) => {
    assertDate(d.date);
    if (Number(d.date.slice(0, 4)) !== year)
      throw new AppError('calendars.date_outside_year', 400, { params: { date: d.date, year } });
    if (seen.has(d.date)) throw new AppError('calendars.duplicate_date', 400, { params: { date: d.date } });
    seen.add(d.date);
    return { date: d.date, kind: d.kind, nameZh: d.nameZh, nameEn: d.nameEn?.trim() || d.nameZh };
  });
  await deps.database.db.transaction(async (tx) => {
    await repo.lockOfficialDays(tx);
    const before = await repo.countOfficialYear(tx, year);
    await writeYear(tx, year, days);
    await commitOfficial(
      tx,
      ctx,
      { key: 'calendars.version.official_year', params: { year, ...counts(days) } },
      { years: [year], days },
      { action: 'calendar.official_year_replaced', details: { year, daysBefore: before, daysAfter: days.length } },
    );
  });
  return getOfficialYear(deps, ctx.locale, year);
}

/**
 * An uploaded arrangement: parsed (dry run: only that), then each year it sets is replaced — the
 * year of a Kefu JSON file, else every year in which it names a day off — and the days it names in
 * other years (a make-up Sunday in late December before next year's 元旦) are added one by one.
 */
export async function importOfficialArrangement(
  deps: Deps,
  ctx: Ctx,
  file: { fileName: string; bytes: Uint8Array; dryRun: boolean },
) {
  await ensureSeeded(deps);
  const parsed = parseArrangement(file.fileName, file.bytes);
  const replaced =
    parsed.year !== undefined
      ? [parsed.year]
      : [...new Set(parsed.days.filter((d) => d.kind === 'off').map((d) => Number(d.date.slice(0, 4))))].sort(
          (a, b) => a - b,
        );
  const yearOf = (d: OfficialDay) => Number(d.date.slice(0, 4));
  const merged = parsed.days.filter((d) => !replaced.includes(yearOf(d)));
  const warnings: MessageRef[] = [...parsed.warnings];
  for (const d of merged) warnings.push({ key: 'calendars.import.merged', params: { date: d.date, year: yearOf(d) } });
  const db = deps.database.db;
  for (const year of replaced) {
    const count = await repo.countOfficialYear(db, year);
    if (count > 0) warnings.push({ key: 'calendars.import.replaces', params: { year, count } });
  }
  if (!file.dryRun)
    await db.transaction(async (tx) => {
      await repo.lockOfficialDays(tx);
      for (const year of replaced)
        await writeYear(
          tx,
          year,
          parsed.days.filter((d) => yearOf(d) === year),
        );
      await repo.upsertOfficialDays(tx, merged);
      await commitOfficial(
        tx,
        ctx,
        {
          key: 'calendars.version.official_import',
          params: { years: replaced.map(String), file: file.fileName, ...counts(parsed.days) },
        },
        { years: replaced, days: parsed.days },
        {
          action: 'calendar.official_imported',
          details: { fileName: file.fileName, years: replaced, days: parsed.days.length },
        },
      );
    });
  return {
    year: replaced[0] ?? null,
    years: replaced,
    days: parsed.days,
    warnings: warnings.map((w) => renderRef(ctx.locale, w)),
    applied: !file.dryRun,
  };
}

/**
 * The daily check (job `calendars.check_next_year`): from 1 November (Beijing time), while next
 * year has no official days, every active user who may manage calendars gets one in-app notice —
 * once per year (remembered as a seed run, so every instance and every later day skips it).
 */
export async function checkNextYearMissing(db: DbOrTx, now = new Date()): Promise<{ year: number; notified: number }> {
  const { year, month } = beijing(now);
  const nextYear = year + 1;
  if (month < WARN_FROM_MONTH || (await repo.countOfficialYear(db, nextYear)) > 0)
    return { year: nextYear, notified: 0 };
  const managers = await repo.calendarManagers(db);
  if (managers.length === 0) return { year: nextYear, notified: 0 };
  let notified = 0;
  await runSeedOnce(db, `calendars-next-year-notice-${nextYear}`, async (tx) => {
    const locales = await findActiveUserLocales(tx, managers);
    const params = { year: nextYear };
    await queueNotifications(
      tx,
      locales.map((u) => ({
        channel: 'in_app' as const,
        recipient: u.id,
        topic: 'calendars.next_year_missing' as const,
        ref: `calendars:official-year:${nextYear}`,
        locale: u.locale,
        content: {
          subject: { key: 'notice.calendars_next_year.subject', params },
          body: { key: 'notice.calendars_next_year.body', params },
        },
      })),
    );
    notified = locales.length;
  });
  return { year: nextYear, notified };
}
