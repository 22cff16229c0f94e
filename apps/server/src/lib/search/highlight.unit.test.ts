import { describe, expect, it } from 'vitest';
import { findHits, highlight } from './highlight.js';

const hitTexts = (segments: { text: string; hit: boolean }[]) => segments.filter((s) => s.hit).map((s) => s.text);

describe('highlight', () => {
  it('marks a word inside a sentence', () => {
    expect(highlight('客户反映家里的空调不制冷已经三天了', '空调不制冷')).toEqual([
      { text: '客户反映家里的', hit: false },
      { text: '空调不制冷', hit: true },
      { text: '已经三天了', hit: false },
    ]);
  });

  it('marks the tokens of a word when the whole word is not there, not its single characters', () => {
    const segments = highlight('空调制冷效果不好，不是新机', '空调不制冷');
    expect(hitTexts(segments)).toEqual(['空调制冷']);
  });

  it('matches on normalized text and returns the original characters', () => {
    const text = '型号ＸＡ２００，电话 138-1234-5678，EMAIL Foo@Example.com';
    expect(hitTexts(highlight(text, 'xa200 13812345678 foo'))).toEqual(['ＸＡ２００', '138-1234-5678', 'Foo']);
    const [hit] = findHits(text, 'xa200');
    expect(hit && text.slice(hit.start, hit.end)).toBe('ＸＡ２００');
  });

  it('respects latin word starts (and word ends for words without digits)', () => {
    expect(hitTexts(highlight('cancel can scan', 'can'))).toEqual(['can']);
    expect(hitTexts(highlight('ax200 型号x2000', 'x200'))).toEqual(['x200']);
  });

  it('cuts a snippet around the best hits, with ellipses', () => {
    const text = `${'前言'.repeat(100)}客户反映空调不制冷${'后记'.repeat(100)}`;
    const segments = highlight(text, '空调不制冷', { length: 40, before: 10 });
    expect(segments[0]).toEqual({ text: '…前言前言前言客户反映', hit: false });
    expect(segments[1]).toEqual({ text: '空调不制冷', hit: true });
    expect(segments.at(-1)?.text.endsWith('…')).toBe(true);
    expect(segments.map((s) => s.text).join('').length).toBeLessThanOrEqual(42);
  });

  it('prefers the window with more hits', () => {
    const text = `空调${'。'.repeat(200)}空调不制冷，空调漏水`;
    const segments = highlight(text, '空调', { length: 30, before: 0 });
    expect(hitTexts(segments)).toEqual(['空调', '空调']);
  });

  it('returns the start of the text when nothing matches, and nothing for no text', () => {
    expect(highlight('你好，世界', '空调')).toEqual([{ text: '你好，世界', hit: false }]);
    expect(highlight('字'.repeat(200), '空调', { length: 10 })).toEqual([{ text: `${'字'.repeat(10)}…`, hit: false }]);
    expect(highlight('', '空调')).toEqual([]);
    expect(highlight(null, '空调')).toEqual([]);
  });

  it('never returns markup: text stays text', () => {
    const segments = highlight('<script>alert(1)</script> 空调不制冷', '空调 script');
    expect(segments.map((s) => s.text).join('')).toBe('<script>alert(1)</script> 空调不制冷');
    expect(hitTexts(segments)).toEqual(['script', 'script', '空调']);
  });

  it('does not split surrogate pairs and collapses line breaks', () => {
    const segments = highlight('😀😀😀空调\n\n坏了', '空调', { length: 6, before: 1 });
    const joined = segments.map((s) => s.text).join('');
    expect(joined).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    expect(joined).not.toContain('\n');
  });

  it('survives hostile queries', () => {
    for (const query of ['', "'", '((', '\\', '😀', '-', '"', 'a'.repeat(1000), '.*+?^$' + '{}()|[]']) {
      expect(() => highlight('客服中心 (a+b) .*', query)).not.toThrow();
    }
  });
});
