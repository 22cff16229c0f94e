import { sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { MAX_QUERY_TOKENS, matchSql, parseSearchQuery, rankSql } from './query.js';

const dialect = new PgDialect();
const render = (q: ReturnType<typeof sql>) => dialect.sqlToQuery(q);
const vector = sql.raw('v');

describe('parseSearchQuery', () => {
  it('ANDs words, and the pieces of a word jieba cuts', () => {
    expect(parseSearchQuery('空调不制冷').tsquery).toBe("('空调' & '不' & '制冷')");
    expect(parseSearchQuery('客服  报修').tsquery).toBe("'客服' & '报修'");
    expect(parseSearchQuery('客服中心').tsquery).toBe("('客服' & '中心')");
  });

  it('makes phrases of quotes (straight, curly, corner) and exclusions of a minus', () => {
    expect(parseSearchQuery('"空调 不制冷"').tsquery).toBe("('空调' <-> '不' <-> '制冷')");
    expect(parseSearchQuery('“售后服务”').tsquery).toBe("('售后' <-> '服务' <-> '售后服务')");
    expect(parseSearchQuery('「报修」').tsquery).toBe("'报修'");
    expect(parseSearchQuery('客服 -退款').tsquery).toBe("'客服' & !'退款'");
    expect(parseSearchQuery('客服 -"退款 申请"').tsquery).toBe("'客服' & !('退款' <-> '申请')");
  });

  it('drops particles from a word with other tokens, not from a phrase', () => {
    expect(parseSearchQuery('空调坏了').tsquery).toBe("('空调' & '坏')");
    expect(parseSearchQuery('"空调坏了"').tsquery).toBe("('空调' <-> '坏' <-> '了')");
    expect(parseSearchQuery('的').tsquery).toBe("'ǂ的'");
  });

  it('matches identifiers with digits as prefixes, normalized', () => {
    expect(parseSearchQuery('TK2024').tsquery).toBe("'tk2024':*");
    expect(parseSearchQuery('型号ＸＡ２').tsquery).toBe("('型号' & 'xa2':*)");
    expect(parseSearchQuery('x2').tsquery).toBe("'x2'");
    expect(parseSearchQuery('138-1234-5678').tsquery).toBe("'13812345678':*");
    expect(parseSearchQuery('138 1234 5678').tsquery).toBe("'13812345678':*");
  });

  it('looks up words outside the dictionary as characters in a row', () => {
    const terms = parseSearchQuery('修 伟明 空调').terms;
    expect(terms.map((t) => [t.text, t.characters])).toEqual([
      ['修', ['修']],
      ['伟明', ['伟', '明']],
      ['空调', []],
    ]);
    expect(parseSearchQuery('修 伟明 空调').tsquery).toBe("'ǂ修' & ('ǂ伟' <-> 'ǂ明') & '空调'");
    expect(parseSearchQuery('伟明x200 -修').tsquery).toBe("(('ǂ伟' <-> 'ǂ明') & 'x200':*) & !'ǂ修'");
    expect(parseSearchQuery('ǂ修').tsquery).toBe("'ǂ修'");
    expect(parseSearchQuery('客'.repeat(100)).terms[0]?.characters.length).toBe(MAX_QUERY_TOKENS);
  });

  it('is empty without a wanted term', () => {
    for (const input of ['', '   ', '-退款', '!!!', '"""', '-', '😀😀', '&|!:*()']) {
      const parsed = parseSearchQuery(input);
      expect(parsed.isEmpty, input).toBe(true);
      expect(parsed.tsquery, input).toBeNull();
    }
  });

  it('never lets operators, quotes or backslashes through', () => {
    const hostile = [
      "'",
      "客服'",
      "o'reilly",
      "'客服' | '退款'",
      '客服 & 退款 | !投诉',
      'a:* b:A <-> c <2> (d',
      '\\\\客服\\',
      "\\'; DROP TABLE tickets; --",
      '((((空调))))',
      '😀客服🎉',
      '"unterminated 客服',
      '-"',
      '-- --',
    ];
    for (const input of hostile) {
      const { tsquery } = parseSearchQuery(input);
      if (tsquery === null) continue;
      // Every lexeme is quoted and holds only letters and digits; between them only our operators.
      const outside = tsquery.replace(/'ǂ?[\p{L}\p{N}\p{M}]+'(:\*)?/gu, 'L');
      expect(outside, input).toMatch(/^[L&!<\->() ]+$/);
    }
    expect(parseSearchQuery("o'reilly").tsquery).toBe("('o' & 'reilly')");
    expect(parseSearchQuery('😀客服🎉').tsquery).toBe("'客服'");
  });

  it('bounds long queries', () => {
    const long = parseSearchQuery('客服中心报修 '.repeat(200));
    expect(long.terms.flatMap((t) => t.tokens).length).toBeLessThanOrEqual(MAX_QUERY_TOKENS);
    expect(parseSearchQuery('x'.repeat(1000)).isEmpty).toBe(true);
    expect(parseSearchQuery(`${'客'.repeat(1000)}`).isEmpty).toBe(false);
  });
});

describe('matchSql and rankSql', () => {
  it('binds the tsquery as a parameter', () => {
    const { sql: text, params } = render(matchSql(vector, "客服 '; DROP"));
    expect(text).toBe("v @@ to_tsquery('simple', $1::text)");
    expect(params).toEqual(["'客服' & 'drop'"]);
  });

  it('looks words outside the dictionary up by their characters in the vector', () => {
    const { sql: text, params } = render(matchSql(vector, '伟明 空调'));
    expect(text).toBe("v @@ to_tsquery('simple', $1::text)");
    expect(params).toEqual(["('ǂ伟' <-> 'ǂ明') & '空调'"]);
  });

  it('matches nothing for an empty query, ranks 0', () => {
    expect(render(matchSql(vector, '!!!')).sql).toBe('FALSE');
    expect(render(rankSql(vector, '')).sql).toBe('0::real');
  });

  it('ranks on wanted terms only', () => {
    expect(render(rankSql(vector, '空调 -退款')).params).toEqual(["'空调'"]);
    expect(render(rankSql(vector, '空调 伟明')).params).toEqual(["'空调' & ('ǂ伟' <-> 'ǂ明')"]);
  });
});
