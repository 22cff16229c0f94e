import { type Locale, type MessageKey, t } from '@kefu/shared';
import type { DbOrTx } from '../../../db/client.js';
import type { Actor, RequestContext } from '../../../lib/actor.js';
import type { Deps } from '../../../lib/deps.js';
import { type ExportColumn, exportStream } from '../../../lib/export.js';
import { recordAudit } from '../../audit/index.js';
import { SLA_METRICS } from '../sla.tables.js';
import {
  addClocks,
  addFirings,
  bucketStarts,
  emptyAccumulator,
  fullWeights,
  metricFigures,
  type RowAccumulator,
  slaRate,
  toRow,
  worstFirst,
} from './report.figures.js';
import * as repo from './report.repository.js';
import type {
  SlaReport,
  SlaReportExportQuery,
  SlaReportGroup,
  SlaReportQuery,
  SlaReportRow,
  SlaTrend,
  SlaTrendQuery,
} from './report.schemas.js';

/** The key of a group whose snapshot column was empty (no assignee, no department …). */
const NONE = 'none';

const NONE_LABEL: Record<SlaReportGroup, MessageKey> = {
  agent: 'label.sla_report.no_agent',
  team: 'label.sla_report.no_team',
  type: 'label.sla_report.none',
  priority: 'label.sla_report.none',
  month: 'label.sla_report.none',
};

function labelOf(groupBy: SlaReportGroup, key: string, names: Map<string, string>, locale: Locale): string {
  if (key === NONE) return t(locale, NONE_LABEL[groupBy]);
  if (groupBy === 'priority') return t(locale, `label.priority.${key}` as MessageKey);
  return names.get(key) ?? key;
}

/**
 * The SLA achievement report of the clocks in the caller's scope over [from, to] (business time
 * zone), one row per agent, team, type, priority or month, worst SLA rate first, and the totals.
 * Every figure is defined in docs/sla.md.
 */
export async function slaReport(deps: Deps, actor: Actor, locale: Locale, query: SlaReportQuery): Promise<SlaReport> {
  const { db } = deps.database;
  const range = { from: query.from, to: query.to, timeZone: deps.config.timezone };
  const weights = fullWeights(await repo.findWeights(db));
  const clocks = await repo.countClocks(db, actor, range, query.groupBy);
  const firings = await repo.countFirings(db, actor, range, query.groupBy);

  const groups = new Map<string, RowAccumulator>();
  const totals = emptyAccumulator();
  const group = (key: string | null) => {
    const k = key ?? NONE;
    let acc = groups.get(k);
    if (!acc) {
      acc = emptyAccumulator();
      groups.set(k, acc);
    }
    return acc;
  };
  for (const row of clocks) {
    addClocks(group(row.key), row.metric, row);
    addClocks(totals, row.metric, row);
  }
  for (const row of firings) {
    addFirings(group(row.key), row);
    addFirings(totals, row);
  }
  const keys = [...groups.keys()].filter((k) => k !== NONE);
  const names = await repo.groupLabels(db, query.groupBy, keys, locale);
  const rows = [...groups.entries()]
    .map(([key, acc]) => toRow(key, labelOf(query.groupBy, key, names, locale), acc, weights))
    .sort(worstFirst);
  return {
    period: { from: query.from, to: query.to },
    groupBy: query.groupBy,
    weights,
    rows,
    totals: toRow('total', t(locale, 'label.sla_report.total'), totals, weights),
  };
}

/**
 * The weighted SLA achievement rate (0–1, docs/sla.md) of the clocks in the actor's scope over
 * [from, to] (inclusive days, business time zone): the totals row of the SLA report; null when no
 * weighted clock ended in the period. Used by the home page.
 */
export async function slaAchievementRate(
  db: DbOrTx,
  actor: Actor,
  period: { from: string; to: string; timeZone: string },
): Promise<number | null> {
  const weights = fullWeights(await repo.findWeights(db));
  const totals = emptyAccumulator();
  for (const row of await repo.countClocks(db, actor, period, 'month')) addClocks(totals, row.metric, row);
  return slaRate(totals.counts, weights);
}

/** The SLA rate and each metric's rate per day, week or month of [from, to] (business time zone). */
export async function slaTrend(deps: Deps, actor: Actor, query: SlaTrendQuery): Promise<SlaTrend> {
  const { db } = deps.database;
  const range = { from: query.from, to: query.to, timeZone: deps.config.timezone };
  const weights = fullWeights(await repo.findWeights(db));
  const clocks = await repo.countClocksByBucket(db, actor, range, query.interval);
  const byBucket = new Map<string, RowAccumulator>();
  for (const row of clocks) {
    const key = row.key ?? '';
    const acc = byBucket.get(key) ?? emptyAccumulator();
    byBucket.set(key, acc);
    addClocks(acc, row.metric, row);
  }
  return {
    period: { from: query.from, to: query.to },
    interval: query.interval,
    weights,
    buckets: bucketStarts(query.from, query.to, query.interval).map((start) => {
      const acc = byBucket.get(start) ?? emptyAccumulator();
      return {
        start,
        slaRate: slaRate(acc.counts, weights),
        metrics: Object.fromEntries(
          SLA_METRICS.map((m) => [m, metricFigures(acc.counts[m])]),
        ) as SlaTrend['buckets'][number]['metrics'],
      };
    }),
  };
}

const percent = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10);

/**
 * The export's columns: the group, the SLA rate (%), per weighted metric (or measured one) met,
 * breached and rate (%), paused minutes, escalations per level reached, late firings.
 */
export function reportColumns(report: SlaReport, locale: Locale): ExportColumn<SlaReportRow>[] {
  const all = [...report.rows, report.totals];
  const metrics = SLA_METRICS.filter(
    (m) => report.weights[m] > 0 || all.some((r) => r.metrics[m].total > 0 || r.metrics[m].open > 0),
  );
  const maxLevel = Math.max(0, ...all.flatMap((r) => Object.keys(r.escalationsByLevel).map(Number)));
  const metric = (m: string) => ({ key: `label.sla_metric.${m}` as MessageKey });
  return [
    { header: t(locale, `label.sla_group.${report.groupBy}` as MessageKey), value: (r) => r.label, width: 24 },
    { header: t(locale, 'label.sla_column.sla_rate'), value: (r) => percent(r.slaRate), width: 14 },
    ...metrics.flatMap((m): ExportColumn<SlaReportRow>[] => [
      { header: t(locale, 'label.sla_column.met', { metric: metric(m) }), value: (r) => r.metrics[m].met, width: 14 },
      {
        header: t(locale, 'label.sla_column.breached', { metric: metric(m) }),
        value: (r) => r.metrics[m].breached,
        width: 14,
      },
      {
        header: t(locale, 'label.sla_column.rate', { metric: metric(m) }),
        value: (r) => percent(r.metrics[m].rate),
        width: 14,
      },
    ]),
    { header: t(locale, 'label.sla_column.paused_minutes'), value: (r) => r.pausedMinutes, width: 14 },
    ...Array.from(
      { length: maxLevel },
      (_, i): ExportColumn<SlaReportRow> => ({
        header: t(locale, 'label.sla_column.escalations', { level: i + 1 }),
        value: (r) => r.escalationsByLevel[String(i + 1)] ?? 0,
        width: 14,
      }),
    ),
    { header: t(locale, 'label.sla_column.late_firings'), value: (r) => r.lateFirings, width: 14 },
  ];
}

async function* once<T>(rows: T[]): AsyncGenerator<T[]> {
  yield rows;
}

/**
 * The report as CSV (UTF-8 with BOM) or Excel, its rows then the totals; the export itself is
 * written to the audit log first.
 */
export async function exportSlaReport(deps: Deps, ctx: RequestContext & { actor: Actor }, query: SlaReportExportQuery) {
  const { format, ...reportQuery } = query;
  const report = await slaReport(deps, ctx.actor, ctx.locale, reportQuery);
  await recordAudit(deps.database.db, ctx, {
    action: 'sla.report_exported',
    entityType: 'sla_report',
    details: { format, ...reportQuery, rows: report.rows.length },
    audience: { userIds: [ctx.actor.userId] },
  });
  return {
    filename: `${t(ctx.locale, 'label.export.sla_report_file')}-${query.from}-${query.to}.${format}`,
    ...exportStream({
      format,
      sheetName: t(ctx.locale, 'label.export.sla_report'),
      columns: reportColumns(report, ctx.locale),
      batches: once([...report.rows, report.totals]),
    }),
  };
}
