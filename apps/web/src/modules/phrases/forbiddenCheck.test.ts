import { buildForbiddenMatcher } from '@kefu/shared';
import { describe, expect, it } from 'vitest';
import { distinctHits, replaceAllOf, replaceHit, splitByHits } from './forbiddenCheck';

const matcher = buildForbiddenMatcher([
  { id: 'a', phrase: '不知道', alternative: '我马上为您查询', exceptions: ['不知道您'] },
  { id: 'b', phrase: '我们下班了', alternative: '我先为您登记，明天一早联系您' },
]);

describe('forbidden-phrase hits in the reply box', () => {
  it('splits the text around hits found in the original (evasions included)', () => {
    const text = '您好，这个我不 知\u200b道。不知道您是否方便？';
    const hits = matcher.check(text);
    expect(hits).toHaveLength(1);
    expect(splitByHits(text, hits).map((p) => [p.text, !!p.hit])).toEqual([
      ['您好，这个我', false],
      ['不 知\u200b道', true],
      ['。不知道您是否方便？', false],
    ]);
    expect(splitByHits('', [])).toEqual([]);
  });

  it('ignores hits outside the text and overlapping ones', () => {
    const parts = splitByHits('abcdef', [
      { phrase: 'x', alternative: 'X', start: 1, end: 4 },
      { phrase: 'y', alternative: 'Y', start: 2, end: 3 },
      { phrase: 'z', alternative: 'Z', start: 5, end: 9 },
    ]);
    expect(parts.map((p) => p.text)).toEqual(['a', 'bcd', 'ef']);
  });

  it('lists each phrase once with its count, in text order', () => {
    const text = '我们下班了。不知道。不知道！';
    const list = distinctHits(matcher.check(text));
    expect(list.map((e) => [e.hit.phrase, e.count])).toEqual([
      ['我们下班了', 1],
      ['不知道', 2],
    ]);
  });

  it('replaces a hit only while the text still reads what was checked; all occurrences at once', () => {
    const text = '不知道，我们下班了，不 知道';
    const hits = matcher.check(text);
    const first = hits[0];
    if (!first) throw new Error('no hit');
    expect(replaceHit(text, first)).toBe('我马上为您查询，我们下班了，不 知道');
    expect(replaceHit(`x${text}`, first)).toBeNull();
    expect(replaceAllOf(text, hits, '不知道')).toBe('我马上为您查询，我们下班了，我马上为您查询');
    // After a replacement the offsets of the other hits are stale: the reply box checks again.
    const once = replaceAllOf(text, hits, '不知道');
    expect(matcher.check(replaceAllOf(once, matcher.check(once), '我们下班了'))).toEqual([]);
    expect(replaceAllOf(once, hits, '我们下班了')).toBe(once);
  });
});
