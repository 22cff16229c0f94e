import {
  applyAlternatives,
  buildForbiddenMatcher,
  type ForbiddenPhraseInput,
  normalizeForMatch,
  normalizeWithOffsets,
} from '@kefu/shared';
import { describe, expect, it } from 'vitest';
import { DEMO_CANNED_REPLIES, STARTER_FORBIDDEN_PHRASES, STARTER_SERVICE_PHRASES } from '../../db/seed/phrases.data.js';
import { CLEAN_REPLIES, CORPUS, DIRTY_REPLIES, EXTRA_LATIN_PHRASES } from './forbidden.corpus.js';

const STARTER: ForbiddenPhraseInput[] = STARTER_FORBIDDEN_PHRASES.map((p, i) => ({
  id: `starter-${i}`,
  phrase: p.phrase,
  alternative: p.alternative,
  exceptions: p.exceptions,
}));
const matcher = buildForbiddenMatcher([...STARTER, ...EXTRA_LATIN_PHRASES]);

describe('normalizeForMatch', () => {
  it('folds width and case and drops spaces, punctuation, symbols and invisible characters', () => {
    expect(normalizeForMatch('ＡＢＣ ａｂｃ Abc')).toBe('abcabcabc');
    expect(normalizeForMatch('不 知·道！\u200b\u200d\ufeff\u00ad\u2060')).toBe('不知道');
    expect(normalizeForMatch('「你好」——🙂，。')).toBe('你好');
    expect(normalizeForMatch('①２３')).toBe('123');
    expect(normalizeForMatch('\u{2F800}')).toBe('丽'); // CJK compatibility ideograph → unified
    expect(normalizeForMatch('𠀀x')).toBe('𠀀x'); // astral ideograph kept whole
  });

  it('maps every normalised position back to its original UTF-16 range', () => {
    const text = 'a 𠀀 ，Ｂ';
    const n = normalizeWithOffsets(text);
    expect(n.length).toBe(3);
    const ranges = [0, 1, 2].map((k) => text.slice(n.starts[k], n.ends[k]));
    expect(ranges).toEqual(['a', '𠀀', 'Ｂ']);
  });

  it('folds traditional characters to simplified ones, one code point to one', () => {
    expect(normalizeForMatch('這個問題不歸我們管')).toBe('这个问题不归我们管');
    expect(normalizeForMatch('不歸我们管')).toBe('不归我们管'); // mixed 繁简
    expect(normalizeForMatch('你説錯了')).toBe('你说错了'); // variant 説 of 說
    expect(normalizeForMatch('\uf96f')).toBe('说'); // compatibility ideograph → 說 → 说
    expect(normalizeForMatch('𠁞')).toBe('𠀾'); // astral traditional character
    expect(normalizeForMatch('瞭望著作')).toBe('瞭望著作'); // characters OpenCC keeps as they are
    const text = '這 不歸我們管';
    const n = normalizeWithOffsets(text);
    expect([0, 1, 2].map((k) => text.slice(n.starts[k], n.ends[k]))).toEqual(['這', '不', '歸']);
  });

  it('folds every CJK ideograph to one code point that folds no further', () => {
    let changed = 0;
    const wrong: string[] = [];
    for (let cp = 0x3400; cp <= 0x9fff; cp++) {
      if (cp >= 0x4dc0 && cp <= 0x4dff) continue; // Yijing hexagram symbols
      const ch = String.fromCodePoint(cp);
      const once = normalizeForMatch(ch);
      if ([...once].length !== 1 || normalizeForMatch(once) !== once) wrong.push(`${ch}→${once}`);
      if (once !== ch) changed++;
    }
    expect(wrong).toEqual([]);
    expect(changed).toBeGreaterThan(2500);
  });

  it('keeps a long text linear in memory (expansions like ㍻ → 平成 grow the buffers)', () => {
    const text = '㍻'.repeat(50);
    const n = normalizeWithOffsets(text);
    expect(n.length).toBe(100);
    expect(text.slice(n.starts[99], n.ends[99])).toBe('㍻');
  });
});

describe('the starter list', () => {
  it('has at least 30 pairs, each with an alternative, no two normalising alike', () => {
    expect(STARTER_FORBIDDEN_PHRASES.length).toBeGreaterThanOrEqual(30);
    const normalized = STARTER_FORBIDDEN_PHRASES.map((p) => normalizeForMatch(p.phrase));
    expect(new Set(normalized).size).toBe(normalized.length);
    for (const p of STARTER_FORBIDDEN_PHRASES) {
      expect(p.alternative.length, p.phrase).toBeGreaterThan(p.phrase.length);
      for (const e of p.exceptions ?? []) expect(normalizeForMatch(e)).toContain(normalizeForMatch(p.phrase));
    }
  });

  it('approved alternatives, standard phrases and canned replies are themselves clean', () => {
    const texts = [
      ...STARTER_FORBIDDEN_PHRASES.map((p) => p.alternative),
      ...STARTER_SERVICE_PHRASES.map((p) => p.text),
      ...DEMO_CANNED_REPLIES.map((r) => r.body),
    ];
    const dirty = texts.filter((t) => matcher.check(t).length > 0);
    expect(dirty).toEqual([]);
  });
});

describe('buildForbiddenMatcher over the corpus', () => {
  it('holds at least 60 replies, dirty and clean', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(60);
    expect(DIRTY_REPLIES.length).toBeGreaterThanOrEqual(30);
    expect(CLEAN_REPLIES.length).toBeGreaterThanOrEqual(30);
  });

  it.each(DIRTY_REPLIES.map((r) => [r.note ? `${r.text} (${r.note})` : r.text, r] as const))(
    'flags %s',
    (_label, reply) => {
      const hits = matcher.check(reply.text);
      expect(hits.map((h) => h.phrase)).toEqual(reply.hits);
      for (const h of hits) {
        // Offsets point into the original text; the match starts and ends on a kept character.
        expect(reply.text.slice(h.start, h.end)).toBe(h.matched);
        expect(normalizeForMatch(h.matched)).toBe(normalizeForMatch(h.phrase));
        expect(h.alternative).not.toBe('');
      }
    },
  );

  it.each(CLEAN_REPLIES.map((r) => [r.note ? `${r.text} (${r.note})` : r.text, r] as const))(
    'lets %s through',
    (_label, reply) => {
      expect(matcher.check(reply.text)).toEqual([]);
    },
  );

  it('highlights the original span, evasion characters included', () => {
    const text = '您好！这 不\u200b归 我 管哦';
    const [hit] = matcher.check(text);
    expect(hit).toMatchObject({ phrase: '这不归我管', start: 3, end: 12, matched: '这 不\u200b归 我 管' });
  });

  it('highlights the original traditional characters, and matches a phrase listed in traditional', () => {
    const text = '您好！這 不\u200b歸 我 管哦';
    expect(matcher.check(text)).toEqual([
      expect.objectContaining({ phrase: '这不归我管', start: 3, end: 12, matched: '這 不\u200b歸 我 管' }),
    ]);
    const m = buildForbiddenMatcher([
      { id: 't', phrase: '不歸我們管', alternative: 'A', exceptions: ['不歸我們管轄'] },
      { id: 's', phrase: '你们自己想办法', alternative: 'B' },
    ]);
    expect(m.size).toBe(2);
    expect(m.check('这不归我们管。')).toMatchObject([{ phraseId: 't', start: 1, end: 6, matched: '不归我们管' }]);
    expect(m.check('這不歸我们管。')).toMatchObject([{ phraseId: 't', matched: '不歸我们管' }]);
    expect(m.check('这片区域不归我们管辖。')).toEqual([]); // the exception, listed in traditional
    expect(m.check('你們自己想辦法吧')).toMatchObject([{ phraseId: 's', start: 0, end: 7, matched: '你們自己想辦法' }]);
  });

  it('reports the longer phrase only when one contains the other, but both of two overlapping ones', () => {
    const m = buildForbiddenMatcher([
      { id: 'a', phrase: '不知道', alternative: 'A' },
      { id: 'b', phrase: '我不知道', alternative: 'B' },
      { id: 'c', phrase: '知道了吗', alternative: 'C' },
    ]);
    expect(m.check('我不知道').map((h) => h.phraseId)).toEqual(['b']);
    expect(m.check('不知道了吗').map((h) => h.phraseId)).toEqual(['a', 'c']);
  });

  it('ignores phrases empty after normalisation and exceptions that do not contain the phrase', () => {
    const m = buildForbiddenMatcher([
      { id: 'a', phrase: '？！', alternative: 'x' },
      { id: 'b', phrase: '没空', alternative: 'y', exceptions: ['有空', '没'] },
    ]);
    expect(m.size).toBe(1);
    expect(m.check('有空吗？没空').map((h) => h.phraseId)).toEqual(['b']);
    expect(buildForbiddenMatcher([]).check('任何文字')).toEqual([]);
  });

  it('replaces hits with their alternatives', () => {
    const text = '这不归我管，你问别人去。';
    expect(applyAlternatives(text, matcher.check(text))).toBe(
      `${STARTER_FORBIDDEN_PHRASES[0]?.alternative}，${STARTER_FORBIDDEN_PHRASES[3]?.alternative}。`,
    );
  });
});
