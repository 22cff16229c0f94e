import os from 'node:os';
import { and, count, desc, eq } from 'drizzle-orm';
import { bigint, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import type { Database, Db } from '../src/db/client.js';
import { rankedPageOrder, rankedSearch } from '../src/lib/search/newest.js';
import { matchSql, parseSearchQuery, rankSql } from '../src/lib/search/query.js';
import { toIndexText, toSearchTokens, warmUpSegmenter } from '../src/lib/search/segment.js';
import { tsvector } from '../src/lib/search/vector.js';
import { openEngine } from './engines.js';

/**
 * Search probe (not part of `npm run bench`): jieba segmentation throughput, then the
 * rank-the-newest-N strategy of lib/search/newest.ts on a synthetic ticket table on PostgreSQL
 * (embedded, or DATABASE_URL): plans (EXPLAIN ANALYZE) and latency percentiles per query.
 *
 *   npx tsx --conditions=kefu-source bench/search-probe.ts
 *   PROBE_ROWS=1000000 PROBE_RUNS=30 PROBE_CANDIDATES=2000 PROBE_EXPLAIN=1
 */

const ROWS = Number(process.env.PROBE_ROWS ?? 1_000_000);
const RUNS = Number(process.env.PROBE_RUNS ?? 30);
const CANDIDATES = Number(process.env.PROBE_CANDIDATES ?? 2000);
const EXPLAIN = process.env.PROBE_EXPLAIN !== '0';
const PAGE_SIZE = 20;
const log = (message: string) => process.stderr.write(`[search-probe] ${message}\n`);

// ---------------------------------------------------------------------------------------------
// Synthetic ticket text: every combination of these fragments is one sentence (97,200 of them).

const WHO = [
  '客户反映',
  '用户来电说',
  '客户投诉',
  '客户在微信上留言',
  '业主报修',
  '客户咨询',
  '老人打电话说',
  '客户第二次来电说',
];
const PRODUCTS = ['空调', '冰箱', '洗衣机', '热水器', '电视', '油烟机', '燃气灶', '净水器', '微波炉', '扫地机器人'];
const PRODUCTS_MORE = ['路由器', '宽带', '手机', '电脑', '打印机'];
const PROBLEMS = ['不制冷', '漏水', '噪音很大', '无法开机', '显示屏不亮', '遥控器失灵', '网络断开', '充不进电'];
const PROBLEMS_MORE = ['有异味', '加热很慢', '频繁重启', '安装位置不合适', '配件缺失', '屏幕碎了', '按键没反应'];
const WHEN = ['已经三天了', '从昨天开始', '今天早上', '上周安装后', '用了两年', '刚买一个月'];
const WANTS = [
  '要求上门维修',
  '希望尽快处理',
  '要求退款',
  '要求换货',
  '询问保修期',
  '需要师傅联系',
  '情绪比较激动',
  '要求给个说法',
  '请回电',
];
const REPLIES = [
  '已安排师傅明天上午上门检查。',
  '已电话回访，客户表示满意。',
  '配件已寄出，快递单号已短信告知。',
  '已升级给主管处理，等待答复。',
  '已按政策办理退款，三个工作日到账。',
  '客户未接电话，稍后再次联系。',
  '已远程指导重启，问题解决。',
  '需要厂家技术支持，已提交工单。',
];
/** The rare sentence: one ticket in 10,000. */
const RARE = '客户反映压缩机烧毁，外机冒烟，要求立即处理。';

function sentences(): { title: string; body: string }[] {
  const out: { title: string; body: string }[] = [];
  for (const who of WHO)
    for (const product of [...PRODUCTS, ...PRODUCTS_MORE])
      for (const problem of [...PROBLEMS, ...PROBLEMS_MORE])
        for (const when of WHEN)
          for (const wants of WANTS)
            out.push({ title: `${product}${problem}`, body: `${who}家里的${product}${problem}，${when}，${wants}。` });
  return out;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

// ---------------------------------------------------------------------------------------------

function segmentationThroughput(corpus: string[]) {
  warmUpSegmenter();
  const chars = corpus.reduce((n, s) => n + s.length, 0);
  let started = performance.now();
  for (const s of corpus) toSearchTokens(s);
  const shortMs = performance.now() - started;
  const long = corpus.slice(0, 300).join('');
  started = performance.now();
  for (let i = 0; i < 20; i += 1) toIndexText(long);
  const longMs = (performance.now() - started) / 20;
  return {
    sentences: corpus.length,
    chars,
    shortCharsPerSecond: Math.round(chars / (shortMs / 1000)),
    longTextChars: long.length,
    longTextMs: Number(longMs.toFixed(2)),
    longCharsPerSecond: Math.round(long.length / (longMs / 1000)),
  };
}

const probe = pgTable('search_probe', {
  id: bigint('id', { mode: 'number' }).primaryKey(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  status: text('status').notNull(),
  title: text('title').notNull(),
  searchVector: tsvector('search_vector'),
});

type Case = { name: string; q: string; status?: string; candidates: number | null };

const CASES: Case[] = [
  { name: 'common word 客户 (~60% of rows)', q: '客户', candidates: CANDIDATES },
  { name: 'medium word 空调 (~7%)', q: '空调', candidates: CANDIDATES },
  { name: 'two words 空调 三天 (~1.1%)', q: '空调 三天', candidates: CANDIDATES },
  { name: 'two words 空调 漏水 (~0.4%)', q: '空调 漏水', candidates: CANDIDATES },
  { name: 'rare word 压缩机 (0.01%)', q: '压缩机', candidates: CANDIDATES },
  { name: 'common word + status filter', q: '客户', status: 'open', candidates: CANDIDATES },
  { name: 'rare word + status filter', q: '压缩机', status: 'closed', candidates: CANDIDATES },
  { name: 'ticket number prefix tk12345', q: 'tk12345', candidates: CANDIDATES },
  { name: 'common word 客户, N = 10,000', q: '客户', candidates: 10_000 },
  { name: 'single character 调 (~7%)', q: '调', candidates: CANDIDATES },
  { name: 'rare single character 烧 (0.01%)', q: '烧', candidates: CANDIDATES },
  { name: 'word outside the dictionary 机冒 (0.01%)', q: '机冒', candidates: CANDIDATES },
  { name: 'common word 客户, ALL matches ranked', q: '客户', candidates: null },
  { name: 'medium word 空调, ALL matches ranked', q: '空调', candidates: null },
];

/** The synthetic table: each ticket a sentence (title A, body B) and a reply (C); the rare sentence every 10,000th. */
async function fillTable(database: Database, corpus: { title: string; body: string }[]) {
  await database.executeSql(`CREATE TABLE probe_sentences (id int PRIMARY KEY, title text, body text,
    title_index text, body_index text)`);
  await database.executeSql('CREATE TABLE probe_replies (id int PRIMARY KEY, body text, body_index text)');
  const all = [...corpus, { title: '压缩机烧毁', body: RARE }];
  let started = performance.now();
  for (let from = 0; from < all.length; from += 5000) {
    const batch = all.slice(from, from + 5000);
    await database.executeSql(
      'INSERT INTO probe_sentences SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[])',
      [
        batch.map((_, i) => from + i),
        batch.map((s) => s.title),
        batch.map((s) => s.body),
        batch.map((s) => toIndexText(s.title)),
        batch.map((s) => toIndexText(s.body)),
      ],
    );
  }
  await database.executeSql('INSERT INTO probe_replies SELECT * FROM unnest($1::int[], $2::text[], $3::text[])', [
    REPLIES.map((_, i) => i),
    REPLIES,
    REPLIES.map((r) => toIndexText(r)),
  ]);
  log(`sentences segmented and stored in ${Math.round(performance.now() - started)} ms`);

  started = performance.now();
  await database.executeSql(`CREATE TABLE search_probe (id bigint PRIMARY KEY, created_at timestamptz NOT NULL,
    status text NOT NULL, title text NOT NULL, search_vector tsvector)`);
  await database.executeSql(
    `INSERT INTO search_probe
     SELECT g, now() - g * interval '30 seconds', (ARRAY['open','pending','closed'])[1 + g % 3], s.title,
       setweight(to_tsvector('simple', s.title_index || ' tk' || g), 'A')
       || setweight(to_tsvector('simple', s.body_index), 'B')
       || setweight(to_tsvector('simple', r.body_index), 'C')
     FROM generate_series(1, $1::int) g
     JOIN probe_sentences s ON s.id = CASE WHEN g % 10000 = 0 THEN $2::int ELSE (g::bigint * 7919) % $2::int END
     JOIN probe_replies r ON r.id = (g::bigint * 104729) % ${REPLIES.length}`,
    [ROWS, corpus.length],
  );
  log(`${ROWS} rows in ${Math.round(performance.now() - started)} ms`);
  started = performance.now();
  await database.executeSql(`SET maintenance_work_mem = '256MB'`);
  await database.executeSql('CREATE INDEX search_probe_vector_idx ON search_probe USING gin (search_vector)');
  await database.executeSql('CREATE INDEX search_probe_created_idx ON search_probe (created_at, id)');
  await database.executeSql('CREATE INDEX search_probe_status_idx ON search_probe (status, created_at, id)');
  await database.executeSql('VACUUM ANALYZE search_probe');
  log(`indexes + analyze in ${Math.round(performance.now() - started)} ms`);
  const size = await database.executeSql(
    `SELECT pg_size_pretty(pg_total_relation_size('search_probe')) AS total,
            pg_size_pretty(pg_relation_size('search_probe')) AS heap,
            pg_size_pretty(pg_relation_size('search_probe_vector_idx')) AS gin`,
  );
  return size.rows[0];
}

/** One page of a case: rankedSearch (the newest N matches), or every match ranked (candidates: null). */
function searchPage(db: Db, c: Case) {
  const query = parseSearchQuery(c.q);
  const where = c.status ? eq(probe.status, c.status) : undefined;
  if (c.candidates === null) {
    return db
      .select({ id: probe.id, rank: rankSql(probe.searchVector, query) })
      .from(probe)
      .where(and(matchSql(probe.searchVector, query), where))
      .orderBy(desc(rankSql(probe.searchVector, query)), desc(probe.createdAt), desc(probe.id))
      .limit(PAGE_SIZE);
  }
  const { candidates, page } = rankedSearch(db, probe, query, {
    id: probe.id,
    createdAt: probe.createdAt,
    vector: probe.searchVector,
    where,
    candidates: c.candidates,
    limit: PAGE_SIZE,
  });
  return db
    .with(candidates, page)
    .select({ id: probe.id, title: probe.title, rank: page.rank })
    .from(page)
    .innerJoin(probe, eq(probe.id, page.id))
    .orderBy(...rankedPageOrder(page));
}

async function measure(database: Database, c: Case) {
  const db = database.db;
  if (EXPLAIN) {
    const statement = searchPage(db, c).toSQL();
    const plan = await database.executeSql(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${statement.sql}`, statement.params);
    log(`--- ${c.name}\n${plan.rows.map((r) => String(r['QUERY PLAN'])).join('\n')}`);
  }
  for (let i = 0; i < 3; i += 1) await searchPage(db, c);
  const times: number[] = [];
  let found = 0;
  for (let i = 0; i < RUNS; i += 1) {
    const started = performance.now();
    found = (await searchPage(db, c)).length;
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const where = c.status ? eq(probe.status, c.status) : undefined;
  const [matches] = await db
    .select({ n: count() })
    .from(probe)
    .where(and(matchSql(probe.searchVector, parseSearchQuery(c.q)), where));
  return {
    case: c.name,
    matches: matches?.n,
    page: found,
    p50: Number(percentile(times, 50).toFixed(1)),
    p95: Number(percentile(times, 95).toFixed(1)),
    max: Number((times.at(-1) ?? 0).toFixed(1)),
  };
}

async function main() {
  const corpus = sentences();
  const throughput = segmentationThroughput(corpus.map((s) => s.body));
  log(`segmentation: ${JSON.stringify(throughput)}`);
  const engine = await openEngine('postgres');
  try {
    log(`engine: ${engine.label}; ${ROWS} rows; load average ${os.loadavg()[0]?.toFixed(1)}`);
    const sizes = await fillTable(engine.database, corpus);
    log(`sizes: ${JSON.stringify(sizes)}`);
    const results = [];
    for (const c of CASES) {
      results.push(await measure(engine.database, c));
      log(JSON.stringify(results.at(-1)));
    }
    const load = os.loadavg()[0]?.toFixed(1);
    console.log(
      JSON.stringify({ engine: engine.label, rows: ROWS, runs: RUNS, load, throughput, sizes, results }, null, 2),
    );
  } finally {
    await engine.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
