import { and, desc, eq, sql } from 'drizzle-orm';
import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../test/helpers.js';
import { highlight } from './highlight.js';
import { rankedPageOrder, rankedSearch } from './newest.js';
import { matchSql, parseSearchQuery, rankSql } from './query.js';
import { toWeightedVector, tsvector } from './vector.js';

/** A stand-in for tickets: a title (weight A), a body (B), a filter column, created_at. */
const docs = pgTable('search_test_docs', {
  id: integer('id').primaryKey(),
  title: text('title').notNull(),
  body: text('body'),
  status: text('status').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  searchVector: tsvector('search_vector'),
});

const ROWS: [id: number, title: string, body: string, status: string][] = [
  [1, '售后回访', '客户反映家里的空调不制冷已经三天了', 'open'],
  [2, '空调不制冷', '空调不制冷，上门检查后空调仍不制冷，需要更换压缩机', 'open'],
  [3, '冰箱报修', '冰箱不制冷，客户电话 138-1234-5678', 'closed'],
  [4, '投诉处理', '客户投诉客服态度，要求退款', 'open'],
  [5, '咨询', '型号ＸＡ２００的遥控器在哪里买', 'closed'],
  [6, '维修进度', '师傅说明天来维修，工单 TK2024000123', 'open'],
  [7, '空调咨询', '空调制冷效果不好，不是新机', 'open'],
];

let database: TestDatabase;
const db = () => database.db;

beforeAll(async () => {
  database = await openTestDatabase();
  await database.executeSql(`CREATE TABLE search_test_docs (
    id integer PRIMARY KEY, title text NOT NULL, body text, status text NOT NULL,
    created_at timestamptz NOT NULL, search_vector tsvector)`);
  await database.executeSql('CREATE INDEX search_test_docs_vector_idx ON search_test_docs USING gin (search_vector)');
  for (const [id, title, body, status] of ROWS) {
    await db()
      .insert(docs)
      .values({
        id,
        title,
        body,
        status,
        createdAt: new Date(Date.UTC(2025, 0, id)),
        searchVector: toWeightedVector({ weight: 'A', text: title }, { weight: 'B', text: body }),
      });
  }
});

afterAll(async () => {
  await database?.drop();
});

async function search(q: string, options: { status?: string } = {}) {
  const query = parseSearchQuery(q);
  return db()
    .select({ id: docs.id, rank: rankSql(docs.searchVector, query) })
    .from(docs)
    .where(and(matchSql(docs.searchVector, query), options.status ? eq(docs.status, options.status) : undefined))
    .orderBy(desc(rankSql(docs.searchVector, query)), desc(docs.createdAt));
}
const ids = async (q: string, options?: Parameters<typeof search>[1]) => (await search(q, options)).map((r) => r.id);

describe('Chinese full-text search', () => {
  it('finds a word inside an unsegmented sentence, where a plain simple tsvector does not', async () => {
    expect(await ids('空调不制冷')).toContain(1);
    // The failure mode: PostgreSQL's parser sees the whole run of Han characters as one word.
    const plain = await database.executeSql(
      `SELECT to_tsvector('simple', body) @@ plainto_tsquery('simple', '空调不制冷') AS whole,
              to_tsvector('simple', body) @@ plainto_tsquery('simple', '空调') AS word,
              to_tsvector('simple', body)::text AS vector
       FROM search_test_docs WHERE id = 1`,
    );
    expect(plain.rows[0]).toEqual({ whole: false, word: false, vector: "'客户反映家里的空调不制冷已经三天了':1" });
  });

  it('ranks a title hit with several body hits above a single body hit', async () => {
    const found = await search('空调不制冷');
    expect(found.map((r) => r.id)).toEqual([2, 1]);
    expect(found[0]?.rank).toBeGreaterThan(found[1]?.rank ?? 1);
    expect(found.every((r) => r.rank > 0 && r.rank < 1)).toBe(true);
  });

  it('combines with filters', async () => {
    expect((await ids('不制冷')).sort()).toEqual([1, 2, 3]);
    expect(await ids('不制冷', { status: 'closed' })).toEqual([3]);
    expect(await ids('不制冷', { status: 'open' })).toEqual([2, 1]);
  });

  it('ANDs words, excludes with a minus, and keeps phrases together', async () => {
    expect(await ids('客户 退款')).toEqual([4]);
    expect(await ids('不制冷 -冰箱')).toEqual([2, 1]);
    expect((await ids('空调 制冷')).sort()).toEqual([1, 2, 7]);
    // 空调…制冷 in 7 are apart: the phrase wants them in a row.
    expect(await ids('"空调制冷"')).toEqual([7]);
    expect((await ids('"空调不制冷"')).sort()).toEqual([1, 2]);
  });

  it('finds numbers however they are written, and identifiers by prefix', async () => {
    expect(await ids('13812345678')).toEqual([3]);
    expect(await ids('138 1234 5678')).toEqual([3]);
    expect(await ids('xa200')).toEqual([5]);
    expect(await ids('ＸＡ２００')).toEqual([5]);
    expect(await ids('TK2024')).toEqual([6]);
  });

  it('finds a single character or an unknown word inside words, through the indexed characters', async () => {
    // jieba keeps 维修 whole, so 修 is no word token; the characters are in the vector too.
    expect(await ids('修')).toEqual([6, 3]);
    expect(await ids('修 冰箱')).toEqual([3]);
    expect(await ids('冰箱 -修')).toEqual([]);
    // 说明 is cut 说明 (a word); the unknown pair 明天 → 明 <-> 天, in a row only.
    expect(await ids('师傅说')).toEqual([6]);
    expect(await ids('明天')).toEqual([6]);
    expect(await ids('天明')).toEqual([]);
  });

  it('does not fail on hostile queries', async () => {
    const hostile = [
      "'",
      "o'reilly",
      "'客服' | '退款'",
      '客服 & 退款 | !投诉',
      'a:* b:A <-> c <2> (d',
      '\\\\客服\\',
      "\\'; DROP TABLE search_test_docs; --",
      '😀客服🎉',
      '"unterminated 客服',
      '-"',
      '%_%',
      '修_%',
      '!!!',
      '',
      '客'.repeat(1000),
      'x'.repeat(1000),
    ];
    for (const q of hostile) await expect(search(q), q).resolves.toBeInstanceOf(Array);
    expect(await ids('%_%')).toEqual([]);
  });

  it('ranks only the newest N matches, one page at a time (rankedSearch)', async () => {
    const query = parseSearchQuery('空调');
    const run = async (candidates: number, limit = 20, offset = 0) => {
      const { candidates: c, page } = rankedSearch(db(), docs, query, {
        id: docs.id,
        createdAt: docs.createdAt,
        vector: docs.searchVector,
        where: eq(docs.status, 'open'),
        candidates,
        limit,
        offset,
      });
      const rows = await db()
        .with(c, page)
        .select({ id: docs.id, title: docs.title, rank: page.rank })
        .from(page)
        .innerJoin(docs, eq(docs.id, page.id))
        .orderBy(...rankedPageOrder(page));
      expect(rows.every((r) => typeof r.rank === 'number' && r.rank > 0)).toBe(true);
      return rows.map((r) => r.id);
    };
    const all = await run(2000);
    expect([...all].sort()).toEqual([1, 2, 7]);
    // Only the two newest matches (7, 2) are ranked: the older 1 is left out.
    expect((await run(2)).sort()).toEqual([2, 7]);
    // Pages follow the ranked order.
    expect([...(await run(2000, 2)), ...(await run(2000, 2, 2))]).toEqual(all);
  });

  it('highlights the row it found', async () => {
    const [row] = await db().select().from(docs).where(eq(docs.id, 5));
    expect(highlight(row?.body, 'xa200')).toEqual([
      { text: '型号', hit: false },
      { text: 'ＸＡ２００', hit: true },
      { text: '的遥控器在哪里买', hit: false },
    ]);
  });

  it('uses the GIN index for the match', async () => {
    if (database.kind !== 'postgres') return;
    await database.executeSql('ANALYZE search_test_docs');
    const plan = await database.withSession(async (session) => {
      await session.execute(sql`SET enable_seqscan = off`);
      const query = parseSearchQuery('空调不制冷');
      const explained = await session.execute(
        sql`EXPLAIN SELECT id FROM search_test_docs WHERE ${matchSql(sql.raw('search_vector'), query)}`,
      );
      await session.execute(sql`RESET enable_seqscan`);
      return explained.rows.map((r) => String(Object.values(r)[0])).join('\n');
    });
    expect(plan).toContain('search_test_docs_vector_idx');
  });
});
