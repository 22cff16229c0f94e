/** Survey results → figures and ECharts options. Pure, unit-tested (surveyResults.test.ts). */
import dayjs from 'dayjs';
import type { ResultsPeriod, SurveyQuestion, SurveyResponse, SurveyResults, SurveySummary } from './types';

/** `0.725` → `72.5%`; `—` without a value. */
export function formatFraction(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return `${(Math.round(value * 1000) / 10).toFixed(1)}%`;
}

/** NPS points with their sign: `30` → `+30`, `-20` → `-20`, `0` → `0`; `—` without a value. */
export function formatNps(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return value > 0 ? `+${value}` : String(value);
}

/** NPS from the band counts, as the server computes it: (promoters − detractors) ÷ answers × 100, whole points. */
export function npsOf(b: { promoters: number; passives: number; detractors: number }): number | null {
  const answers = b.promoters + b.passives + b.detractors;
  if (answers === 0) return null;
  return Math.round(((b.promoters - b.detractors) / answers) * 100);
}

/** NPS color: green from +30, orange from 0, red below. */
export function npsColor(nps: number | null | undefined): string | undefined {
  if (nps === null || nps === undefined) return undefined;
  if (nps >= 30) return '#389e0d';
  if (nps >= 0) return '#d48806';
  return '#cf1322';
}

/** CSAT / satisfied color: green from 80 %, orange from 60 %, red below. */
export function fractionColor(value: number | null | undefined): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (value >= 0.8) return '#389e0d';
  if (value >= 0.6) return '#d48806';
  return '#cf1322';
}

/** The survey the dashboard opens on: the first active one (the list comes active first), else the first. */
export function defaultSurveyId(surveys: readonly SurveySummary[]): string | undefined {
  return (surveys.find((s) => s.active) ?? surveys[0])?.id;
}

export const NPS_BANDS = ['detractors', 'passives', 'promoters'] as const;
export type NpsBand = (typeof NPS_BANDS)[number];
const BAND_COLORS: Record<NpsBand, string> = { detractors: '#ff4d4f', passives: '#faad14', promoters: '#52c41a' };

/** Share of each band in %, one decimal (0 when there are no answers). */
export function npsShares(b: SurveyResults['npsBreakdown']): Record<NpsBand, number> {
  const total = b.promoters + b.passives + b.detractors;
  const share = (n: number) => (total === 0 ? 0 : Math.round((n / total) * 1000) / 10);
  return { detractors: share(b.detractors), passives: share(b.passives), promoters: share(b.promoters) };
}

/** The NPS split as one horizontal stacked bar: detractors, passives, promoters (% and counts). */
export function npsSplitOption(b: SurveyResults['npsBreakdown'], labels: Record<NpsBand, string>) {
  const shares = npsShares(b);
  return {
    tooltip: {
      trigger: 'item',
      formatter: (p: { seriesName: string; value: number; data: { count: number } }) =>
        `${p.seriesName}: ${p.data.count} (${p.value}%)`,
    },
    legend: { bottom: 0 },
    grid: { left: 8, right: 8, top: 8, bottom: 32, containLabel: false },
    xAxis: { type: 'value', min: 0, max: 100, show: false },
    yAxis: { type: 'category', data: [''], show: false },
    series: NPS_BANDS.map((band) => ({
      name: labels[band],
      type: 'bar',
      stack: 'nps',
      barWidth: 28,
      itemStyle: { color: BAND_COLORS[band] },
      label: { show: shares[band] >= 8, formatter: '{c}%' },
      data: [{ value: shares[band], count: b[band] }],
    })),
  };
}

/** The bucket's label on the axis: `03-14` for days and weeks, `2025-03` for months. */
export function bucketLabel(start: string, period: ResultsPeriod): string {
  return period === 'month' ? start.slice(0, 7) : start.slice(5);
}

/** The days a trend bucket covers, clipped to the report's range (for the drill-down). */
export function bucketRange(
  start: string,
  period: ResultsPeriod,
  outer: { from: string; to: string },
): { from: string; to: string } {
  const first = dayjs(start);
  const last = period === 'day' ? first : period === 'week' ? first.add(6, 'day') : first.endOf('month');
  const from = start < outer.from ? outer.from : start;
  return { from, to: last.isAfter(dayjs(outer.to)) ? outer.to : last.format('YYYY-MM-DD') };
}

const pct = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 10);

/** Per period: responses (bars, left axis), NPS in points and CSAT in % (lines, right axis −100…100). */
export function trendOption(
  results: Pick<SurveyResults, 'trend' | 'period'>,
  labels: { responses: string; nps: string; csat: string },
) {
  return {
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: 8, right: 8, top: 24, bottom: 40, containLabel: true },
    xAxis: { type: 'category', data: results.trend.map((b) => bucketLabel(b.period, results.period)) },
    yAxis: [
      { type: 'value', minInterval: 1, name: labels.responses },
      { type: 'value', min: -100, max: 100, splitLine: { show: false } },
    ],
    series: [
      {
        name: labels.responses,
        type: 'bar',
        barMaxWidth: 32,
        itemStyle: { color: '#bae0ff' },
        data: results.trend.map((b) => b.responses),
      },
      {
        name: labels.nps,
        type: 'line',
        yAxisIndex: 1,
        connectNulls: true,
        data: results.trend.map((b) => b.nps),
      },
      {
        name: labels.csat,
        type: 'line',
        yAxisIndex: 1,
        connectNulls: true,
        tooltip: { valueFormatter: (v: unknown) => (v == null ? '—' : `${v}%`) },
        data: results.trend.map((b) => pct(b.csat)),
      },
    ],
  };
}

/** Share of satisfied ratings (4–5) per person rated, best first; suppressed people left out. */
export function staffBarOption(byStaff: SurveyResults['byStaff'], unnamed: string, label: string) {
  const rows = byStaff
    .filter((s) => !s.suppressed && s.satisfied !== null)
    .sort((a, b) => (a.satisfied ?? 0) - (b.satisfied ?? 0));
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: unknown) => `${v}%` },
    grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'category', data: rows.map((s) => s.name ?? unnamed) },
    series: [
      {
        name: label,
        type: 'bar',
        barMaxWidth: 20,
        label: { show: true, position: 'right', formatter: '{c}%' },
        data: rows.map((s) => ({ value: pct(s.satisfied), itemStyle: { color: fractionColor(s.satisfied) } })),
      },
    ],
  };
}

type Answer = SurveyResponse['answers'][number];

/** One answer as read in the drill-down: a score, yes / no, the chosen options' labels, or the text. */
export function answerText(
  answer: Answer,
  question: Pick<SurveyQuestion, 'kind' | 'options'> | undefined,
  words: { yes: string; no: string },
): string {
  if (answer.kind === 'resolved' && answer.score !== null) return answer.score === 1 ? words.yes : words.no;
  if (answer.score !== null) return String(answer.score);
  if (answer.choices) {
    const labels = new Map((question?.options ?? []).map((o) => [o.key, o.label]));
    return answer.choices.map((key) => labels.get(key) ?? key).join('、');
  }
  return answer.text ?? '—';
}
