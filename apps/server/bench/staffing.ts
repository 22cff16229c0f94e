import os from 'node:os';
import { type ErlangCInput, erlangCIntervals } from '../src/modules/calls/staffing/erlang-c.js';
import { loadNote, markdownTable, measuredLine, writeSection } from './report.js';

/**
 * Erlang C staffing (modules/calls/staffing/erlang-c.ts) on one core: `erlangCIntervals` over 1,000
 * half-hour intervals (about three weeks of a day's 48 intervals) with 0–1,200 calls each, AHT
 * 120–420 s, 80 % in 20 s, shrinkage 0.3 — the agents searched for, not given. The figure is the
 * median (and p95, max) of 200 timed runs after 20 warm-up runs. Target (issue 16): < 50 ms.
 * `npm run bench -- staffing [--write]`.
 */

const INTERVALS = 1000;
const WARMUP = 20;
const RUNS = 200;
const log = (message: string) => process.stderr.write(`[bench:staffing] ${message}\n`);

function random(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;

export async function benchStaffing({ write }: { write: boolean }): Promise<void> {
  const load = [os.loadavg()[0] ?? 0];
  const next = random(16);
  const inputs: ErlangCInput[] = Array.from({ length: INTERVALS }, () => ({
    calls: Math.floor(next() * 1200),
    intervalSeconds: 1800,
    ahtSeconds: 120 + Math.floor(next() * 300),
    targetAnswerSeconds: 20,
    targetServiceLevel: 0.8,
    shrinkage: 0.3,
  }));
  let agents = 0;
  for (let i = 0; i < WARMUP; i += 1) agents = erlangCIntervals(inputs).reduce((sum, r) => sum + r.agents, 0);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const t = performance.now();
    const results = erlangCIntervals(inputs);
    times.push(performance.now() - t);
    if (results.length !== INTERVALS) throw new Error('wrong number of results');
  }
  load.push(os.loadavg()[0] ?? 0);
  times.sort((a, b) => a - b);
  const [median, p95, max] = [quantile(times, 0.5), quantile(times, 0.95), times[times.length - 1] ?? 0];
  log(`1,000 intervals: median ${median.toFixed(2)} ms, p95 ${p95.toFixed(2)} ms, max ${max.toFixed(2)} ms`);
  const maxTraffic = Math.max(...inputs.map((x) => (x.calls * x.ahtSeconds) / x.intervalSeconds));
  const markdown = [
    '## Staffing: Erlang C for 1,000 intervals',
    '',
    measuredLine(),
    '',
    `- One core, in process: \`erlangCIntervals\` over ${INTERVALS.toLocaleString('en-US')} half-hour intervals (0–1,200 calls, AHT 120–420 s, up to ${Math.round(maxTraffic)} Erlangs; 80 % answered within 20 s, shrinkage 0.3), the smallest agent count searched for each; ${RUNS} timed runs after ${WARMUP} warm-up runs.`,
    `- Erlang B by its recurrence (no factorials), then Erlang C and the service level per candidate N; ${agents.toLocaleString('en-US')} agents needed in all. Target (issue 16): < 50 ms.`,
    ...loadNote(load),
    '',
    markdownTable(
      ['intervals', 'median (ms)', 'p95 (ms)', 'max (ms)'],
      [[INTERVALS.toLocaleString('en-US'), median.toFixed(2), p95.toFixed(2), max.toFixed(2)]],
      ['r', 'r', 'r', 'r'],
    ),
  ].join('\n');
  process.stdout.write(`${markdown}\n`);
  if (write) writeSection('staffing', markdown);
}
