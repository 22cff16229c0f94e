import { SLA_METRICS, type SlaMetric } from '../sla.tables.js';
import type { SlaMetricFigures, SlaReportRow } from './report.schemas.js';

/** Weights of the SLA rate when the settings row is missing (the table's default). */
export const DEFAULT_SLA_WEIGHTS: Record<SlaMetric, number> = {
  first_response: 30,
  next_reply: 0,
  resolution: 40,
  promised_reply: 30,
  team_handling: 0,
};

export type Weights = Record<SlaMetric, number>;

/** Every metric's weight (0 when not weighted). */
export function fullWeights(weights: Partial<Record<SlaMetric, number>> | null): Weights {
  if (!weights) return { ...DEFAULT_SLA_WEIGHTS };
  return Object.fromEntries(SLA_METRICS.map((m) => [m, Math.max(0, weights[m] ?? 0)])) as Weights;
}

const round4 = (value: number) => Math.round(value * 10_000) / 10_000;

/** met ÷ (met + breached), unrounded; null when no clock ended. */
function rawRate(met: number, breached: number): number | null {
  return met + breached > 0 ? met / (met + breached) : null;
}

export type Counts = { met: number; breached: number; open: number };

export function metricFigures(c: Counts): SlaMetricFigures {
  const rate = rawRate(c.met, c.breached);
  return {
    total: c.met + c.breached,
    met: c.met,
    breached: c.breached,
    open: c.open,
    rate: rate === null ? null : round4(rate),
  };
}

/**
 * The SLA achievement rate (seed 004: A·P1 + B·P2 + …, docs/sla.md): Σ rate_m × weight_m ÷ Σ weight_m
 * over the weighted metrics with at least one ended clock. With every weighted metric measured and
 * weights summing to 100 this is Σ rate_m × weight_m / 100; the weight of a metric without an ended
 * clock is shared among the others in proportion to their weights. Null when no weighted clock ended.
 */
export function slaRate(counts: Partial<Record<SlaMetric, Pick<Counts, 'met' | 'breached'>>>, weights: Weights) {
  let weighted = 0;
  let weightSum = 0;
  for (const metric of SLA_METRICS) {
    const weight = weights[metric];
    const c = counts[metric];
    const rate = c ? rawRate(c.met, c.breached) : null;
    if (weight <= 0 || rate === null) continue;
    weighted += rate * weight;
    weightSum += weight;
  }
  return weightSum > 0 ? round4(weighted / weightSum) : null;
}

/** A group being summed up. */
export type RowAccumulator = {
  counts: Record<SlaMetric, Counts>;
  pausedMinutes: number;
  escalationsByLevel: Record<string, number>;
  lateFirings: number;
};

export function emptyAccumulator(): RowAccumulator {
  return {
    counts: Object.fromEntries(SLA_METRICS.map((m) => [m, { met: 0, breached: 0, open: 0 }])) as Record<
      SlaMetric,
      Counts
    >,
    pausedMinutes: 0,
    escalationsByLevel: {},
    lateFirings: 0,
  };
}

export function addClocks(acc: RowAccumulator, metric: SlaMetric, c: Counts & { paused: number }) {
  const target = acc.counts[metric];
  target.met += c.met;
  target.breached += c.breached;
  target.open += c.open;
  acc.pausedMinutes += c.paused;
}

export function addFirings(acc: RowAccumulator, f: { kind: string; step: number; n: number; late: number }) {
  if (f.kind === 'escalation') {
    const level = String(f.step);
    acc.escalationsByLevel[level] = (acc.escalationsByLevel[level] ?? 0) + f.n;
  }
  acc.lateFirings += f.late;
}

export function toRow(key: string, label: string, acc: RowAccumulator, weights: Weights): SlaReportRow {
  return {
    key,
    label,
    metrics: Object.fromEntries(SLA_METRICS.map((m) => [m, metricFigures(acc.counts[m])])) as SlaReportRow['metrics'],
    pausedMinutes: acc.pausedMinutes,
    escalationsByLevel: acc.escalationsByLevel,
    lateFirings: acc.lateFirings,
    slaRate: slaRate(acc.counts, weights),
  };
}

/** Worst SLA rate first; rows without a rate last; then by label. */
export function worstFirst(a: SlaReportRow, b: SlaReportRow): number {
  if (a.slaRate !== b.slaRate) {
    if (a.slaRate === null) return 1;
    if (b.slaRate === null) return -1;
    return a.slaRate - b.slaRate;
  }
  return a.label.localeCompare(b.label, 'zh-CN');
}

const DAY = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The first day of each bucket of [from, to] (date_trunc's: weeks start on Monday, months on the 1st). */
export function bucketStarts(from: string, to: string, interval: 'day' | 'week' | 'month'): string[] {
  const end = Date.parse(to);
  let cur = Date.parse(from);
  if (interval === 'week') cur -= ((new Date(cur).getUTCDay() + 6) % 7) * DAY;
  if (interval === 'month') cur = Date.UTC(new Date(cur).getUTCFullYear(), new Date(cur).getUTCMonth(), 1);
  const starts: string[] = [];
  while (cur <= end) {
    starts.push(isoDay(cur));
    if (interval === 'day') cur += DAY;
    else if (interval === 'week') cur += 7 * DAY;
    else cur = Date.UTC(new Date(cur).getUTCFullYear(), new Date(cur).getUTCMonth() + 1, 1);
  }
  return starts;
}
