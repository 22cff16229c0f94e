import type { Actor } from '../../../lib/actor.js';
import { addDays } from '../../../lib/calendar-day.js';
import type { Deps } from '../../../lib/deps.js';
import { previousPeriodOf } from './intake.periods.js';
import { businessToday } from './measures.service.js';
import * as repo from './reports.repository.js';
import type { RootCauseReport, RootCauseReportQuery } from './reports.schemas.js';

/**
 * The period, the one just before it (the previous calendar month(s) for whole months, else the
 * same number of days before: intake.periods.ts) and the day after it.
 */
export function periodsOf(from: string, to: string): repo.Periods & { previousTo: string } {
  const previous = previousPeriodOf(from, to);
  return { from, to, previousFrom: previous.from, previousTo: previous.to, nextDay: addDays(to, 1) };
}

/**
 * The most frequent root causes of complaints closed in the period (scoped: a department or team
 * sees its own tickets), each with its share and its count in the period before, and how the
 * improvement measures due in the period were followed through.
 */
export async function rootCauseReport(deps: Deps, actor: Actor, query: RootCauseReportQuery): Promise<RootCauseReport> {
  const { db } = deps.database;
  const timeZone = deps.config.timezone;
  const periods = periodsOf(query.from, query.to);
  const rows = await repo.countRootCauses(db, actor, periods, timeZone, query.departmentId);
  const measures = await repo.measureCompletion(
    db,
    actor,
    periods,
    timeZone,
    businessToday(timeZone),
    query.departmentId,
  );
  const classified = rows.filter((r) => r.root_cause_key !== null);
  const classifiedTotal = classified.reduce((sum, r) => sum + r.count, 0);
  const items = classified
    .filter((r) => r.count > 0 || r.previous_count > 0)
    .sort(
      (a, b) =>
        b.count - a.count ||
        b.previous_count - a.previous_count ||
        (a.sort_order ?? 0) - (b.sort_order ?? 0) ||
        String(a.root_cause_key).localeCompare(String(b.root_cause_key)),
    )
    .map((r) => ({
      rootCauseKey: r.root_cause_key as string,
      name: r.name ?? (r.root_cause_key as string),
      nameEn: r.name_en,
      count: r.count,
      share: classifiedTotal > 0 ? Math.round((r.count / classifiedTotal) * 10_000) / 10_000 : 0,
      previousCount: r.previous_count,
    }));
  return {
    period: { from: periods.from, to: periods.to },
    previousPeriod: { from: periods.previousFrom, to: periods.previousTo },
    total: rows.reduce((sum, r) => sum + r.count, 0),
    previousTotal: rows.reduce((sum, r) => sum + r.previous_count, 0),
    unclassified: rows.find((r) => r.root_cause_key === null)?.count ?? 0,
    items,
    measures: {
      total: measures?.total ?? 0,
      doneOnTime: measures?.done_on_time ?? 0,
      doneLate: measures?.done_late ?? 0,
      openOverdue: measures?.open_overdue ?? 0,
      open: measures?.open ?? 0,
      cancelled: measures?.cancelled ?? 0,
    },
  };
}
