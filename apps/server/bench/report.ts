import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * docs/benchmarks.md is shared by every benchmark of the project: each owns one section between
 * `<!-- bench:<name>:start -->` and `<!-- bench:<name>:end -->` and rewrites only that one.
 */
export const BENCHMARKS_FILE = fileURLToPath(new URL('../../../docs/benchmarks.md', import.meta.url));

export type Machine = { cpus: number; cpuModel: string; memory: string; node: string; os: string };

function run(command: string, args: string[]): string | undefined {
  try {
    return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

/** What the figures were measured on: `nproc`, CPU model, `free -h` total, Node version. */
export function machine(): Machine {
  const cpuinfo = fs.existsSync('/proc/cpuinfo') ? fs.readFileSync('/proc/cpuinfo', 'utf8') : '';
  const cpuModel = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim() ?? os.cpus()[0]?.model ?? 'unknown';
  const nproc = Number(run('nproc', [])) || os.availableParallelism();
  const freeTotal = run('free', ['-h'])
    ?.split('\n')
    .find((line) => line.startsWith('Mem:'))
    ?.split(/\s+/)[1];
  const memory = freeTotal
    ? freeTotal.replace(/^([0-9.,]+)([KMGT])i?$/, '$1 $2iB')
    : `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`;
  return { cpus: nproc, cpuModel, memory, node: process.version, os: `${os.type()} ${os.release()} ${os.arch()}` };
}

export function describeMachine(m: Machine = machine()): string {
  return `${m.cpus} vCPU (${m.cpuModel}), ${m.memory} RAM, Node ${m.node}, ${m.os}`;
}

export function gitRevision(): string | undefined {
  return run('git', ['describe', '--always', '--dirty']);
}

export function markdownTable(header: string[], rows: string[][], align: ('l' | 'r')[] = []): string {
  const rule = header.map((_, i) => (align[i] === 'r' ? '---:' : '---'));
  return [header, rule, ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

function markers(name: string): { start: string; end: string } {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(name)) throw new Error(`benchmark section name "${name}": use [a-z0-9-]`);
  return { start: `<!-- bench:${name}:start -->`, end: `<!-- bench:${name}:end -->` };
}

function intro(): string {
  return `# Benchmarks

Throughput and latency of Kefu measured on one machine. Compare figures between runs on the same
machine only; what matters is the order of magnitude and regressions, not the absolute numbers.
Each section below is written by a benchmark script and replaced whenever that script runs with
\`--write\`; everything outside the \`<!-- bench:… -->\` markers is left alone.

## How to run

\`\`\`sh
npm run bench                          # runs every engine, prints the results as markdown
BENCH_WRITE=1 npm run bench            # …and updates this file
npm run bench -w apps/server -- --write  # the same, from the workspace
\`\`\`

Settings of the platform benchmark (environment): \`BENCH_SECONDS\` (measured seconds per
endpoint, default 10), \`BENCH_WARMUP_SECONDS\` (default 2), \`BENCH_CONNECTIONS\` (default 10),
\`BENCH_ENGINES\` (comma list of \`pglite-disk\`, \`pglite-memory\`, \`postgres\`; default all),
\`BENCH_USERS\` (default 2000), \`BENCH_AUDIT_ROWS\` (default 50000) and \`DATABASE_URL\` (use
that PostgreSQL server instead of starting an embedded PostgreSQL 15; the benchmark creates a
database of its own there and drops it at the end, so the role needs \`CREATEDB\`; a run killed
half-way may leave a \`kefu_bench_*\` database behind).

Everything runs on the loopback interface, in temporary directories that are removed afterwards,
and stops by itself after a bounded time.

## Machine

${markers('machine').start}
${markers('machine').end}
`;
}

function replaceSection(text: string, name: string, markdown: string): string {
  const { start, end } = markers(name);
  const block = `${start}\n${markdown.trim()}\n${end}`;
  const from = text.indexOf(start);
  const to = text.indexOf(end, from);
  if (from >= 0 && to > from) return text.slice(0, from) + block + text.slice(to + end.length);
  return `${text.trimEnd()}\n\n${block}\n`;
}

/**
 * Replaces (or appends) the section `name` of docs/benchmarks.md, creating the file with its
 * introduction when missing, and records the machine and date of this run in the machine section.
 */
export function writeSection(name: string, markdown: string, file = BENCHMARKS_FILE): void {
  let text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : intro();
  const m = machine();
  const machineBlock = [
    `Last run: ${new Date().toISOString().slice(0, 10)} (section \`${name}\`${gitRevision() ? `, commit ${gitRevision()}` : ''}).`,
    '',
    `- CPU: ${m.cpus} vCPU — ${m.cpuModel} (\`nproc\`, /proc/cpuinfo)`,
    `- Memory: ${m.memory} (\`free -h\`)`,
    `- Node: ${m.node}`,
    `- OS: ${m.os}`,
  ].join('\n');
  if (name !== 'machine') text = replaceSection(text, 'machine', machineBlock);
  text = replaceSection(text, name, markdown);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, text.endsWith('\n') ? text : `${text}\n`);
  fs.renameSync(temp, file);
}

/** "Measured <date> on <machine>, commit <rev>." — the first line of every section. */
export function measuredLine(): string {
  const revision = gitRevision();
  return `Measured ${new Date().toISOString().slice(0, 10)} on ${describeMachine()}${revision ? `, commit \`${revision}\`` : ''}.`;
}

/** The machine-load bullet from 1-minute load averages sampled before (first) and during the run. */
export function loadNote(loadSamples: number[]): string[] {
  const cpus = os.availableParallelism();
  const during = loadSamples.slice(1);
  if (during.length === 0) return [];
  return [
    `- **Machine load:** 1-minute load average ${loadSamples[0]?.toFixed(1)} before the run and ` +
      `${Math.min(...during).toFixed(1)}–${Math.max(...during).toFixed(1)} during it (including the benchmark's ` +
      `own processes), on ${cpus} vCPU` +
      ((loadSamples[0] ?? 0) > cpus / 2
        ? ' — other work was competing for the CPU, so read these figures as a lower bound.'
        : '.'),
  ];
}
