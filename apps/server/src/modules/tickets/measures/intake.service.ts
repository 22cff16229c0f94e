import { type Locale, type MessageKey, t } from '@kefu/shared';
import type { DbOrTx } from '../../../db/client.js';
import type { Actor } from '../../../lib/actor.js';
import { addDays, monthOf } from '../../../lib/calendar-day.js';
import type { Deps } from '../../../lib/deps.js';
import { type ExportColumn, exportStream } from '../../../lib/export.js';
import { bucketsOf, defaultGranularity, previousPeriodOf } from './intake.periods.js';
import { countIntake, countIntakeTrend, type IntakeGroupBy, type IntakeTotals } from './intake.repository.js';
import type { IntakeReport, IntakeReportExportQuery, IntakeReportQuery } from './intake.schemas.js';
import { businessToday } from './measures.service.js';

export type { IntakeTotals } from './intake.repository.js';

/** The business time zone when the caller names none (config KEFU_TIMEZONE's default). */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

const zero = (): IntakeTotals => ({ received: 0, closed: 0, open: 0, overdue: 0, major: 0 });
const totalsOf = (row: IntakeTotals | undefined): IntakeTotals =>
  row ? { received: row.received, closed: row.closed, open: row.open, overdue: row.overdue, major: row.major } : zero();

/**
 * This period's complaints in the actor's data scope (docs/reports.md): received, closed, and of
 * the received ones those still open, overdue now and major. `from` inclusive, `to` exclusive,
 * dates (YYYY-MM-DD) in `timeZone` — pass deps.config.timezone.
 */
export async function complaintIntakeTotals(
  db: DbOrTx,
  actor: Actor,
  period: { from: string; to: string; timeZone?: string },
): Promise<IntakeTotals> {
  const [row] = await countIntake(db, actor, period, period.timeZone ?? DEFAULT_TIME_ZONE);
  return totalsOf(row);
}

/** Key of the group without a department. */
const NONE = 'none';

function groupName(groupBy: IntakeGroupBy, key: string, name: string | null, locale: Locale): string {
  if (key === NONE) return t(locale, 'label.sla_report.no_team');
  if (groupBy === 'channel') return t(locale, `label.channel.${key}` as MessageKey);
  return name ?? key;
}

/**
 * The complaint intake report (docs/reports.md): totals of the period and of the one before, a row
 * per type, channel or department, and received/closed per day, week or month — all in the
 * caller's data scope. Default period: this calendar month in the business time zone.
 */
export async function intakeReport(
  deps: Deps,
  actor: Actor,
  locale: Locale,
  query: IntakeReportQuery,
): Promise<IntakeReport> {
  const { db } = deps.database;
  const timeZone = deps.config.timezone;
  const period = query.from && query.to ? { from: query.from, to: query.to } : monthOf(businessToday(timeZone));
  const previousPeriod = previousPeriodOf(period.from, period.to);
  const granularity = query.granularity ?? defaultGranularity(period.from, period.to);
  const range = { from: period.from, to: addDays(period.to, 1) };
  const [rows, previous, trendRows] = await Promise.all([
    countIntake(db, actor, range, timeZone, query.groupBy, locale),
    countIntake(db, actor, { from: previousPeriod.from, to: period.from }, timeZone),
    countIntakeTrend(db, actor, range, timeZone, granularity),
  ]);
  const totals = zero();
  for (const row of rows) {
    for (const k of Object.keys(totals) as (keyof IntakeTotals)[]) totals[k] += row[k];
  }
  const groups = rows
    .map((row) => {
      const key = row.key ?? NONE;
      return { key, name: groupName(query.groupBy, key, row.name, locale), ...totalsOf(row) };
    })
    .sort((a, b) => b.received - a.received || b.closed - a.closed || a.name.localeCompare(b.name, 'zh-CN'));
  // The database names each bucket by its first day; the first one is clipped to the period's start.
  const counted = new Map<string, { received: number; closed: number }>();
  for (const r of trendRows) {
    const bucket = r.bucket.localeCompare(period.from) < 0 ? period.from : r.bucket;
    const acc = counted.get(bucket) ?? { received: 0, closed: 0 };
    acc.received += r.received;
    acc.closed += r.closed;
    counted.set(bucket, acc);
  }
  const trend = bucketsOf(period.from, period.to, granularity).map((bucket) => ({
    bucket,
    ...(counted.get(bucket) ?? { received: 0, closed: 0 }),
  }));
  return {
    period,
    previousPeriod,
    groupBy: query.groupBy,
    granularity,
    totals,
    previousTotals: totalsOf(previous[0]),
    groups,
    trend,
  };
}

type ExportRow = { name: string } & IntakeTotals;

export function intakeColumns(report: IntakeReport, locale: Locale): ExportColumn<ExportRow>[] {
  const figure = (k: keyof IntakeTotals): ExportColumn<ExportRow> => ({
    header: t(locale, `label.intake_column.${k}`),
    value: (r) => r[k],
    width: 10,
  });
  return [
    { header: t(locale, `label.intake_group.${report.groupBy}`), value: (r) => r.name, width: 30 },
    figure('received'),
    figure('closed'),
    figure('open'),
    figure('overdue'),
    figure('major'),
  ];
}

/** The export's rows: one per group, the period's total, the previous period's total. */
export function intakeExportRows(report: IntakeReport, locale: Locale): ExportRow[] {
  return [
    ...report.groups.map(({ key: _key, ...row }) => row),
    { name: t(locale, 'label.intake_report.total', report.period), ...report.totals },
    { name: t(locale, 'label.intake_report.previous_total', report.previousPeriod), ...report.previousTotals },
  ];
}

async function* once<T>(rows: T[]): AsyncGenerator<T[]> {
  yield rows;
}

/** The report as Excel or CSV (UTF-8 with BOM); counts only, so not audited. */
export async function exportIntakeReport(deps: Deps, actor: Actor, locale: Locale, query: IntakeReportExportQuery) {
  const { format, ...reportQuery } = query;
  const report = await intakeReport(deps, actor, locale, reportQuery);
  return {
    filename: `${t(locale, 'label.export.intake_report_file')}-${report.period.from}-${report.period.to}.${format}`,
    ...exportStream({
      format,
      sheetName: t(locale, 'label.export.intake_report'),
      columns: intakeColumns(report, locale),
      batches: once(intakeExportRows(report, locale)),
    }),
  };
}
