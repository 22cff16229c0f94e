import os from 'node:os';
import {
  type CalendarSpec,
  CompiledCalendar,
  type DayOverride,
  type Period,
} from '../src/modules/calendars/calendar.engine.js';
import { loadNote, markdownTable, measuredLine, writeSection } from './report.js';

/**
 * The business-time calculator (modules/calendars/calendar.engine.ts) on one core: compile a
 * calendar of 2000–2100 (Monday–Friday 09:00–18:00, or with a lunch break; Asia/Shanghai; Spring
 * Festival and National Day of 2024 off with their make-up days), then `due(start, n)` and
 * `elapsed(from, to)` for random instants in 2024–2026 and durations up to 15 working days. Each
 * figure is the median of 5 rounds of 2,000,000 computations. `npm run bench -- calendar [--write]`.
 */

const ROUNDS = 5;
const PER_ROUND = 2_000_000;
const log = (message: string) => process.stderr.write(`[bench:calendar] ${message}\n`);

const OVERRIDES: DayOverride[] = [
  ...[10, 11, 12, 13, 14, 15, 16, 17].map((d) => ({ date: `2024-02-${d}`, kind: 'off' as const })),
  { date: '2024-02-04', kind: 'work' },
  { date: '2024-02-18', kind: 'work' },
  ...[1, 2, 3, 4, 5, 6, 7].map((d) => ({ date: `2024-10-0${d}`, kind: 'off' as const })),
  { date: '2024-09-29', kind: 'work' },
  { date: '2024-10-12', kind: 'work' },
];

function spec(periods: Period[]): CalendarSpec {
  return {
    timeZone: 'Asia/Shanghai',
    weekly: [[], periods, periods, periods, periods, periods, []],
    workday: periods,
    overrides: OVERRIDES,
    fromYear: 2000,
    toYear: 2100,
  };
}

function random(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

function measure(calendar: CompiledCalendar) {
  const next = random(11);
  const base = Date.parse('2024-01-01T00:00:00+08:00');
  const span = 3 * 365 * 86_400_000;
  const starts = Float64Array.from({ length: 1 << 16 }, () => base + Math.floor(next() * span));
  const minutes = Int32Array.from({ length: 1 << 16 }, () => Math.floor(next() * 15 * 9 * 60));
  let sink = 0;
  const dueRates: number[] = [];
  const elapsedRates: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    let t = performance.now();
    for (let i = 0; i < PER_ROUND; i += 1)
      sink += calendar.due(starts[i & 0xffff] as number, minutes[i & 0xffff] as number);
    dueRates.push(PER_ROUND / ((performance.now() - t) / 1000));
    t = performance.now();
    for (let i = 0; i < PER_ROUND; i += 1)
      sink += calendar.elapsed(starts[i & 0xffff] as number, starts[(i + 7) & 0xffff] as number);
    elapsedRates.push(PER_ROUND / ((performance.now() - t) / 1000));
  }
  if (Number.isNaN(sink)) throw new Error('unreachable');
  return { due: median(dueRates), elapsed: median(elapsedRates) };
}

export async function benchCalendar({ write }: { write: boolean }): Promise<void> {
  const load = [os.loadavg()[0] ?? 0];
  const rows: string[][] = [];
  for (const [label, periods] of [
    ['09:00–18:00', [[540, 1080]]],
    [
      '08:30–12:00, 13:30–17:30',
      [
        [510, 720],
        [810, 1050],
      ],
    ],
  ] as [string, Period[]][]) {
    const t = performance.now();
    const calendar = new CompiledCalendar(spec(periods));
    const compileMs = performance.now() - t;
    log(`${label}: compiled 101 years in ${compileMs.toFixed(0)} ms`);
    const { due, elapsed } = measure(calendar);
    load.push(os.loadavg()[0] ?? 0);
    rows.push([
      label,
      compileMs.toFixed(0),
      Math.round(due).toLocaleString('en-US'),
      Math.round(elapsed).toLocaleString('en-US'),
    ]);
  }
  const markdown = [
    '## Business calendars: due and elapsed computations per second',
    '',
    measuredLine(),
    '',
    `- One core, in process: ${ROUNDS} rounds of ${PER_ROUND.toLocaleString('en-US')} computations each, median; random instants in 2024–2026, durations up to 15 working days (8,100 minutes).`,
    '- A calendar of 2000–2100 is compiled once into working periods with a prefix sum; `due` and `elapsed` are binary searches (no stepping). Target (issue 12): ≥ 1,000,000 due computations per second.',
    ...loadNote(load),
    '',
    markdownTable(['working hours', 'compile (ms)', 'due / s', 'elapsed / s'], rows, ['l', 'r', 'r', 'r']),
  ].join('\n');
  process.stdout.write(`${markdown}\n`);
  if (write) writeSection('calendar', markdown);
}
