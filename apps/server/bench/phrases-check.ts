import os from 'node:os';
import { pathToFileURL } from 'node:url';
import { buildForbiddenMatcher, type ForbiddenPhraseInput, normalizeForMatch } from '@kefu/shared';
import { runMigrations } from '../src/db/migrate.js';
import {
  DEMO_CANNED_REPLIES,
  STARTER_FORBIDDEN_PHRASES,
  STARTER_SERVICE_PHRASES,
} from '../src/db/seed/phrases.data.js';
import { seedServiceStandards } from '../src/db/seed/phrases.js';
import { CLEAN_REPLIES, DIRTY_REPLIES, EXTRA_LATIN_PHRASES } from '../src/modules/phrases/forbidden.corpus.js';
import { checkReply } from '../src/modules/phrases/forbidden.service.js';
import { forbiddenListFingerprint } from '../src/modules/phrases/phrases.repository.js';
import { forbiddenPhrases } from '../src/modules/phrases/phrases.tables.js';
import { openEngine } from './engines.js';
import { loadNote, markdownTable, measuredLine, writeSection } from './report.js';

/**
 * The forbidden-phrase check (服务忌语) at volume: a matcher over 5,000 phrases (generated Chinese
 * phrases plus the starter list), 2,000-character replies, half of them clean and half with a few
 * hits (evasions included). Measures the pure matcher (build, and check per reply: mean, p95, p99)
 * and the server path `checkReply` on PGlite in memory (list fingerprint query + cached matcher).
 * Run alone: `npx tsx --conditions=kefu-source bench/phrases-check.ts [--write]`; `npm run bench`
 * runs it first. Settings: BENCH_PHRASES (default 5000), BENCH_PHRASE_CHECKS (default 20000).
 */

const PHRASES = Number(process.env.BENCH_PHRASES ?? 5000);
const CHECKS = Number(process.env.BENCH_PHRASE_CHECKS ?? 20_000);
const REPLY_CHARS = 2000;
const DISTINCT_REPLIES = 200;
const SERVER_CHECKS = 500;
const log = (message: string) => process.stderr.write(`[bench:phrases-check] ${message}\n`);

/** Deterministic pseudo-random numbers (mulberry32), so every run checks the same texts. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const pick = <T>(rnd: () => number, items: readonly T[]): T => items[Math.floor(rnd() * items.length)] as T;

const WHO = ['你', '你们', '我', '我们', '他们', '这个', '那个', '人家', '客户', '师傅', '领导', '公司', '系统'];
const MOOD = ['自己', '到底', '怎么', '又', '还', '偏要', '非要', '就是', '根本', '早就', '干嘛', '凭什么'];
const NEG = ['不', '没', '别', '不要', '不能', '没法', '不会', '不想', '懒得'];
const VERB = [
  '管',
  '看',
  '问',
  '找',
  '说',
  '催',
  '投诉',
  '处理',
  '退',
  '换',
  '修',
  '等',
  '查',
  '打电话',
  '解释',
  '负责',
  '理',
  '弄',
  '回复',
  '上门',
  '赔',
  '办',
];
const TAIL = ['吧', '啊', '呢', '了', '去', '什么', '不了', '没用', '拉倒', '算了', '完了', '得了', '再说', '试试'];

/** Dismissive phrases of 4–10 characters built from everyday fragments, each unique once normalised. */
function generatedPhrases(count: number, taken: Set<string>): ForbiddenPhraseInput[] {
  const rnd = random(20260101);
  const out: ForbiddenPhraseInput[] = [];
  let guard = 0;
  while (out.length < count && guard++ < count * 200) {
    const parts = [pick(rnd, WHO)];
    if (rnd() < 0.6) parts.push(pick(rnd, MOOD));
    parts.push(pick(rnd, NEG));
    parts.push(pick(rnd, VERB));
    if (rnd() < 0.7) parts.push(pick(rnd, TAIL));
    const phrase = parts.join('');
    const key = normalizeForMatch(phrase);
    if (key.length < 4 || taken.has(key)) continue;
    taken.add(key);
    out.push({ id: `g${out.length}`, phrase, alternative: '我来为您处理，请您放心。' });
  }
  return out;
}

type Reply = { text: string; dirty: boolean };

/** 2,000-character replies: polite sentences; a dirty one gets 1–4 forbidden sentences (evasions included). */
function replies(generated: ForbiddenPhraseInput[]): Reply[] {
  const rnd = random(42);
  const clean = [
    ...CLEAN_REPLIES.map((r) => r.text).filter((t) => t.length > 0),
    ...STARTER_SERVICE_PHRASES.map((p) => p.text),
    ...DEMO_CANNED_REPLIES.map((r) => r.body),
  ];
  // The list here is the starter list without EXTRA_LATIN_PHRASES: leave out the replies that hit only those.
  const latin = new Set(EXTRA_LATIN_PHRASES.map((p) => p.phrase));
  const dirty = [
    ...DIRTY_REPLIES.filter((r) => r.hits.some((h) => !latin.has(h))).map((r) => r.text),
    ...generated.slice(0, 500).map((g) => `${g.phrase}。`),
  ];
  const out: Reply[] = [];
  for (let i = 0; i < DISTINCT_REPLIES; i++) {
    const isDirty = i % 2 === 1;
    const sentences: string[] = [];
    let length = 0;
    while (length < REPLY_CHARS) {
      const s = pick(rnd, clean);
      sentences.push(s);
      length += s.length;
    }
    if (isDirty) {
      const hits = 1 + Math.floor(rnd() * 4);
      for (let h = 0; h < hits; h++) {
        // The first one in the first half, so that it is never pushed past the end.
        const span = h === 0 ? sentences.length / 2 : sentences.length;
        sentences.splice(Math.floor(rnd() * span), 1, pick(rnd, dirty));
      }
    }
    // Whole sentences only, padded with 嗯 (in no phrase): a sentence cut in half could lose its
    // allowed context (没办法|及时) or its hit, and the reply would be classified "wrongly".
    let text = '';
    for (const s of sentences) {
      if (text.length + s.length > REPLY_CHARS) break;
      text += s;
    }
    out.push({ text: text.padEnd(REPLY_CHARS, '嗯'), dirty: isDirty });
  }
  return out;
}

type Stats = { mean: number; p50: number; p95: number; p99: number; max: number };
function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  const mean = sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length);
  return { mean, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted[sorted.length - 1] ?? 0 };
}
const us = (ms: number) => (ms * 1000).toFixed(ms * 1000 >= 100 ? 0 : 1);

export type PhrasesCheckResult = { markdown: string; meanMs: number };

export async function benchPhrasesCheck(): Promise<PhrasesCheckResult> {
  const loadSamples = [os.loadavg()[0] ?? 0];
  const starter: ForbiddenPhraseInput[] = STARTER_FORBIDDEN_PHRASES.map((p, i) => ({ id: `s${i}`, ...p }));
  const taken = new Set(starter.map((p) => normalizeForMatch(p.phrase)));
  const generated = generatedPhrases(PHRASES - starter.length, taken);
  const phrases = [...starter, ...generated];
  const texts = replies(generated);
  log(`${phrases.length} phrases, ${texts.length} distinct replies of ${REPLY_CHARS} characters`);

  const builds: number[] = [];
  let matcher = buildForbiddenMatcher(phrases);
  for (let i = 0; i < 10; i++) {
    const t = performance.now();
    matcher = buildForbiddenMatcher(phrases);
    builds.push(performance.now() - t);
  }
  for (let i = 0; i < 1000; i++) matcher.check((texts[i % texts.length] as Reply).text); // warm-up
  loadSamples.push(os.loadavg()[0] ?? 0);
  const all: number[] = [];
  const clean: number[] = [];
  const dirty: number[] = [];
  let hits = 0;
  let wrong = 0;
  for (let i = 0; i < CHECKS; i++) {
    const reply = texts[i % texts.length] as Reply;
    const t = performance.now();
    const found = matcher.check(reply.text);
    const ms = performance.now() - t;
    all.push(ms);
    (reply.dirty ? dirty : clean).push(ms);
    hits += found.length;
    if (found.length > 0 !== reply.dirty) {
      wrong++;
      if (wrong < 6) log(`wrong: dirty=${reply.dirty} ${JSON.stringify(found.map((f) => f.matched))}`);
    }
  }
  loadSamples.push(os.loadavg()[0] ?? 0);
  if (wrong > 0) throw new Error(`${wrong} replies classified wrongly`);
  const total = stats(all);
  log(`check: mean ${us(total.mean)} µs, p99 ${us(total.p99)} µs; build ${stats(builds).p50.toFixed(1)} ms`);

  // The server path: fingerprint query + cached matcher, on PGlite in memory.
  log('server path: PGlite in memory, migrating and loading the list');
  const engine = await openEngine('pglite-memory');
  let server: { first: number; warm: Stats; fingerprint: Stats };
  try {
    await runMigrations(engine.database);
    await seedServiceStandards(engine.database.db);
    const rows = generated.map((g) => ({
      phrase: g.phrase,
      normalized: normalizeForMatch(g.phrase),
      alternative: g.alternative,
    }));
    for (let i = 0; i < rows.length; i += 1000) {
      await engine.database.db.insert(forbiddenPhrases).values(rows.slice(i, i + 1000));
    }
    const db = engine.database.db;
    let t = performance.now();
    await checkReply(db, (texts[1] as Reply).text);
    const first = performance.now() - t;
    const warm: number[] = [];
    for (let i = 0; i < SERVER_CHECKS; i++) {
      t = performance.now();
      await checkReply(db, (texts[i % texts.length] as Reply).text);
      warm.push(performance.now() - t);
    }
    const fingerprint: number[] = [];
    for (let i = 0; i < SERVER_CHECKS; i++) {
      t = performance.now();
      await forbiddenListFingerprint(db);
      fingerprint.push(performance.now() - t);
    }
    server = { first, warm: stats(warm), fingerprint: stats(fingerprint) };
  } finally {
    await engine.close();
  }
  loadSamples.push(os.loadavg()[0] ?? 0);

  const b = stats(builds);
  const row = (label: string, s: Stats, n: number) => [
    label,
    n.toLocaleString('en'),
    us(s.mean),
    us(s.p50),
    us(s.p95),
    us(s.p99),
    us(s.max),
  ];
  const table = markdownTable(
    ['Replies', 'Checks', 'mean µs', 'p50 µs', 'p95 µs', 'p99 µs', 'max µs'],
    [
      row('all', total, all.length),
      row('clean', stats(clean), clean.length),
      row('with hits', stats(dirty), dirty.length),
    ],
    ['l', 'r', 'r', 'r', 'r', 'r', 'r'],
  );
  const mbPerSecond = (REPLY_CHARS * 2) / 2 ** 20 / (total.mean / 1000);
  const markdown = [
    '## Replies: forbidden-phrase check (服务忌语)',
    '',
    measuredLine(),
    '',
    `- **List:** ${phrases.length.toLocaleString('en')} phrases — the ${starter.length} starter pairs plus ` +
      `${generated.length.toLocaleString('en')} generated dismissive Chinese phrases of 4–10 characters ` +
      '(who + mood + negation + verb + particle, unique once normalised).',
    `- **Replies:** ${texts.length} distinct replies of ${REPLY_CHARS.toLocaleString('en')} characters built from polite ` +
      'sentences (the clean test corpus, standard phrases, canned replies); every second one has 1–4 forbidden ' +
      'sentences, evasions included (spaces, zero-width characters, full width). Every reply was classified right.',
    `- **Pure matcher** (\`@kefu/shared\`, the same code the browser runs): NFKC/case/width folding with the ` +
      'offset map, then Aho–Corasick; one check = normalise + scan + map hits back to original offsets. ' +
      `${CHECKS.toLocaleString('en')} checks after 1,000 warm-up checks, timed one by one.`,
    ...loadNote(loadSamples),
    '',
    table,
    '',
    `Build of the automaton over ${phrases.length.toLocaleString('en')} phrases: median ${b.p50.toFixed(1)} ms ` +
      `(min ${Math.min(...builds).toFixed(1)}, max ${b.max.toFixed(1)} ms over ${builds.length} builds). ` +
      `Scan rate ≈ ${mbPerSecond.toFixed(0)} MB/s of UTF-16 text; ${(hits / Math.max(1, dirty.length)).toFixed(1)} hits per dirty reply on average.`,
    '',
    `Server path, \`checkReply(db, text)\` on PGlite in memory with the same ${phrases.length.toLocaleString('en')} phrases ` +
      `in \`forbidden_phrases\`: first call (fingerprint, load, build, check) ${server.first.toFixed(1)} ms; then per ` +
      `call (fingerprint query + cached matcher) mean ${server.warm.mean.toFixed(2)} ms, p95 ${server.warm.p95.toFixed(2)} ms, ` +
      `p99 ${server.warm.p99.toFixed(2)} ms over ${SERVER_CHECKS} calls, of which the fingerprint query alone ` +
      `(one scan of the list) takes mean ${server.fingerprint.mean.toFixed(2)} ms.`,
  ].join('\n');
  return { markdown, meanMs: total.mean };
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) {
  const write = process.argv.includes('--write') || ['1', 'true'].includes(process.env.BENCH_WRITE ?? '');
  benchPhrasesCheck().then(
    ({ markdown }) => {
      process.stdout.write(`${markdown}\n`);
      if (write) {
        writeSection('phrases-check', markdown);
        log('docs/benchmarks.md updated (section "phrases-check")');
      }
      process.exit(0);
    },
    (error: unknown) => {
      console.error(
        `\n[bench:phrases-check] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
      process.exit(1);
    },
  );
}
