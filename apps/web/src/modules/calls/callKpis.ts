/** KPI figures: formatting, the period's instants, the red/amber/green rule, chart options. Pure, unit-tested. */
import dayjs from 'dayjs';
import type { Period } from '../tickets/measures/reportPeriod';
import type { CallImport, CallSettings, CallTrend, Intraday, TotalFigures } from './types';

/** `0.8234` → `82.3%`; `—` without a value (a denominator of 0). */
export function formatPercent(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return `${(Math.round(value * 1000) / 10).toFixed(1)}%`;
}

/** Seconds with one decimal at most: `7.84` → `7.8`; `—` without a value. */
export function formatSeconds(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return String(Math.round(value * 10) / 10);
}

/** A plain figure with at most two decimals; `—` without a value. */
export function formatNumber(value: number | null | undefined, decimals = 2): string {
  if (value === null || value === undefined) return '—';
  const factor = 10 ** decimals;
  return String(Math.round(value * factor) / factor);
}

/**
 * The picker's calendar days (inclusive) as the API's instants: `from` the start of the first day,
 * `to` the start of the day after the last (exclusive), in the browser's time zone with its offset.
 */
export function periodInstants(period: Period): { from: string; to: string } {
  return {
    from: dayjs(period.from).startOf('day').format(),
    to: dayjs(period.to).add(1, 'day').startOf('day').format(),
  };
}

/** Today, from midnight to midnight (the wall board's "today"). */
export function todayInstants(now: dayjs.Dayjs = dayjs()): { from: string; to: string } {
  const day = now.format('YYYY-MM-DD');
  return periodInstants({ from: day, to: day });
}

/** The trend's bucket for a period: days up to 62 days, weeks up to 184 (half a year), else months. */
export function trendBucket(period: Period): 'day' | 'week' | 'month' {
  const days = dayjs(period.to).diff(dayjs(period.from), 'day') + 1;
  if (days <= 62) return 'day';
  if (days <= 184) return 'week';
  return 'month';
}

/** Red/amber/green: green meets the target, amber misses it by at most 10 % of the target, red beyond. */
export type Rag = 'green' | 'amber' | 'red';
/** A target: at least `min` (a rate), at most `max` (a wait), or a range (AHT, rings). */
export type Target = { min?: number; max?: number };

/** How far amber reaches beyond a bound: 10 % of the bound. */
export const AMBER_SHARE = 0.1;
/** Floating-point slack, so that 72 % against 80 % is amber (0.8 × 0.9 = 0.7200000000000001). */
const EPSILON = 1e-9;

/**
 * The mark of a figure against its target. Green: the value meets it (≥ min, ≤ max, within a range).
 * Amber: it misses by at most 10 % of the bound it misses (≥ 0.9 × min; ≤ 1.1 × max). Red: further
 * off. No mark without a value or without a target.
 */
export function ragOf(value: number | null | undefined, target: Target | undefined): Rag | undefined {
  if (value === null || value === undefined || !target) return undefined;
  const { min, max } = target;
  if (min === undefined && max === undefined) return undefined;
  if (min !== undefined && value < min) return value >= min * (1 - AMBER_SHARE) - EPSILON ? 'amber' : 'red';
  if (max !== undefined && value > max) return value <= max * (1 + AMBER_SHARE) + EPSILON ? 'amber' : 'red';
  return 'green';
}

export const RAG_COLORS: Record<Rag, string> = { green: '#389e0d', amber: '#d48806', red: '#cf1322' };

/** The KPI cards of the dashboard, in order. */
export const KPI_FIGURES = [
  'serviceLevelOffered',
  'serviceLevelAnswered',
  'answerRate',
  'abandonRate',
  'avgWaitAnsweredSeconds',
  'avgHandlingSeconds',
  'avgRings',
] as const;
export type KpiFigure = (typeof KPI_FIGURES)[number];

/** Whether a figure is a ratio (shown as %) or a count of seconds/rings. */
export const RATIO_FIGURES: ReadonlySet<KpiFigure> = new Set([
  'serviceLevelOffered',
  'serviceLevelAnswered',
  'answerRate',
  'abandonRate',
]);

/**
 * Each figure's target from the call settings. The abandon rate has none in the settings (the answer
 * rate's target covers the same calls), so it is shown without a mark. Outbound calls compare the
 * answer rate with the outbound target.
 */
export function targetOf(
  figure: KpiFigure,
  settings: CallSettings | undefined,
  direction?: 'inbound' | 'outbound',
): Target | undefined {
  if (!settings) return undefined;
  switch (figure) {
    case 'serviceLevelOffered':
    case 'serviceLevelAnswered':
      return { min: settings.serviceLevelTarget };
    case 'answerRate':
      return {
        min: direction === 'outbound' ? settings.answerRateOutboundTarget : settings.answerRateInboundTarget,
      };
    case 'avgWaitAnsweredSeconds':
      return { max: settings.avgQueueSecondsTarget };
    case 'avgHandlingSeconds':
      return { min: settings.ahtMinSeconds, max: settings.ahtMaxSeconds };
    case 'avgRings':
      return { min: settings.avgRingsMin, max: settings.avgRingsMax };
    default:
      return undefined;
  }
}

/** A target as text: `≥ 80.0%`, `≤ 20`, `210–330`. */
export function formatTarget(figure: KpiFigure, target: Target | undefined): string | undefined {
  if (!target) return undefined;
  const format = (v: number) => (RATIO_FIGURES.has(figure) ? formatPercent(v) : formatNumber(v));
  if (target.min !== undefined && target.max !== undefined) return `${format(target.min)}–${format(target.max)}`;
  if (target.min !== undefined) return `≥ ${format(target.min)}`;
  if (target.max !== undefined) return `≤ ${format(target.max)}`;
  return undefined;
}

/** A figure's value as shown. */
export function formatFigure(figure: KpiFigure, figures: TotalFigures): string {
  const value = figures[figure];
  return RATIO_FIGURES.has(figure) ? formatPercent(value) : formatNumber(value, figure === 'avgRings' ? 2 : 1);
}

/** The trend: offered / answered / abandoned as bars, service level and answer rate as lines (%). */
export function trendOption(
  trend: CallTrend,
  labels: { offered: string; answered: string; abandoned: string; serviceLevel: string; answerRate: string },
) {
  const starts = trend.points.map((p) => p.start);
  const pct = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 10);
  return {
    tooltip: { trigger: 'axis' },
    legend: { type: 'scroll', top: 0 },
    grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: starts },
    yAxis: [
      { type: 'value', minInterval: 1 },
      { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    ],
    series: [
      { name: labels.offered, type: 'bar', data: trend.points.map((p) => p.offered) },
      { name: labels.answered, type: 'bar', data: trend.points.map((p) => p.answered) },
      { name: labels.abandoned, type: 'bar', data: trend.points.map((p) => p.abandoned) },
      {
        name: labels.serviceLevel,
        type: 'line',
        yAxisIndex: 1,
        connectNulls: true,
        data: trend.points.map((p) => pct(p.serviceLevelOffered)),
      },
      {
        name: labels.answerRate,
        type: 'line',
        yAxisIndex: 1,
        connectNulls: true,
        data: trend.points.map((p) => pct(p.answerRate)),
      },
    ],
  };
}

/** Per queue: offered calls as bars and the service level over offered as a line. */
export function queuesOption(
  queues: readonly { queue: string; offered: number; serviceLevelOffered: number | null }[],
  labels: { offered: string; serviceLevel: string },
) {
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: queues.map((q) => q.queue) },
    yAxis: [
      { type: 'value', minInterval: 1 },
      { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    ],
    series: [
      { name: labels.offered, type: 'bar', data: queues.map((q) => q.offered) },
      {
        name: labels.serviceLevel,
        type: 'line',
        yAxisIndex: 1,
        data: queues.map((q) =>
          q.serviceLevelOffered === null ? null : Math.round(q.serviceLevelOffered * 1000) / 10,
        ),
      },
    ],
  };
}

/** `HH:mm` of an instant in a time zone (the intraday view's business time zone, not the browser's). */
export function clockIn(iso: string, timeZone: string): string {
  try {
    return new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
      new Date(iso),
    );
  } catch {
    return dayjs(iso).format('HH:mm');
  }
}

/** The intraday chart: forecast calls (bars) and agents needed / to schedule (lines) per half hour. */
export function intradayOption(
  intraday: Intraday,
  labels: { calls: string; agents: string; scheduled: string; planned: string },
) {
  const times = intraday.intervals.map((i) => clockIn(i.start, intraday.timeZone));
  const planned = intraday.intervals.some((i) => i.plannedAgents !== null);
  return {
    tooltip: { trigger: 'axis' },
    legend: { type: 'scroll', top: 0 },
    grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: times },
    yAxis: [
      { type: 'value', name: labels.calls, minInterval: 1 },
      { type: 'value', name: labels.agents, minInterval: 1 },
    ],
    series: [
      { name: labels.calls, type: 'bar', data: intraday.intervals.map((i) => i.forecastCalls) },
      {
        name: labels.agents,
        type: 'line',
        step: 'end',
        yAxisIndex: 1,
        data: intraday.intervals.map((i) => i.agentsNeeded),
      },
      {
        name: labels.scheduled,
        type: 'line',
        step: 'end',
        yAxisIndex: 1,
        data: intraday.intervals.map((i) => i.scheduledAgents),
      },
      ...(planned
        ? [
            {
              name: labels.planned,
              type: 'line',
              step: 'end',
              yAxisIndex: 1,
              data: intraday.intervals.map((i) => i.plannedAgents),
            },
          ]
        : []),
    ],
  };
}

/** An import still to follow (poll): queued or running. */
export const importBusy = (record: Pick<CallImport, 'status'> | undefined): boolean =>
  record?.status === 'queued' || record?.status === 'running';

/** How often the import page polls an import: every second while it runs, then no more. */
export const IMPORT_POLL_MS = 1000;
export const importPollInterval = (record: Pick<CallImport, 'status'> | undefined): number | false =>
  importBusy(record) ? IMPORT_POLL_MS : false;

/** An import's progress in whole percent (0–100). */
export const importPercent = (record: Pick<CallImport, 'status' | 'progress'>): number =>
  record.status === 'done' ? 100 : Math.max(0, Math.min(100, Math.floor(record.progress * 100)));

/**
 * The headers of a CSV file's first line (BOM, quotes and spaces removed), split on the delimiter
 * the server would detect (comma, tab or semicolon: the most frequent of them).
 */
export function csvHeaders(firstLine: string): string[] {
  const line = firstLine.replace(/^\uFEFF/, '').replace(/\r?\n[\s\S]*$/, '');
  const counts = [',', '\t', ';'].map((d) => [d, line.split(d).length - 1] as const);
  const [delimiter] = counts.reduce((best, next) => (next[1] > best[1] ? next : best));
  return line
    .split(delimiter)
    .map((h) =>
      h
        .trim()
        .replace(/^"(.*)"$/, '$1')
        .trim(),
    )
    .filter((h) => h.length > 0);
}
