/**
 * Text normalisation for phrase matching. A reply is reduced to its letters and digits — NFKC
 * (full-width ＡＢＣ and ａｂｃ become abc, compatibility ideographs become unified ones), lower
 * case, traditional Chinese characters folded to simplified ones, and whitespace, punctuation,
 * symbols, zero-width and other invisible characters dropped — so "不 知·道", "不\u200b知道" and
 * "不知道！" all read 不知道, and "不歸我們管" reads 不归我们管. Every kept code point
 * remembers where it came from in the original string, so a hit can be highlighted in the text the
 * agent typed; that is why the fold maps one code point to exactly one (OpenCC's character table,
 * not its phrase table: 乾隆 reads 干隆, harmless as phrases are folded the same way).
 */
import { TRADITIONAL_TO_SIMPLIFIED } from './traditional.js';

/** The normalised code points of a text and, for each, its UTF-16 range [start, end) in the original. */
export type NormalizedText = {
  /** Number of normalised code points; the arrays below may be longer. */
  length: number;
  codePoints: Uint32Array;
  starts: Uint32Array;
  ends: Uint32Array;
};

const KEEP = /^[\p{L}\p{N}]$/u;

/** The CJK blocks of the fast path below: Extension A (3400–4DBF, then the Yijing hexagrams) and the unified block. */
const CJK_FIRST = 0x3400;
const CJK_LAST = 0x9fff;

type Fold = {
  /** Traditional → simplified for CJK_FIRST…CJK_LAST, indexed by code point − CJK_FIRST; 0 = unchanged. */
  cjk: Uint32Array;
  /** The rest of the table (traditional characters outside those blocks), for the slow path only. */
  other: Map<number, number>;
};
let fold: Fold | undefined;

/** Built on first use, not on import: a bundle that imports @kefu/shared but never normalises drops the table. */
function foldTable(): Fold {
  if (fold) return fold;
  const cjk = new Uint32Array(CJK_LAST - CJK_FIRST + 1);
  const other = new Map<number, number>();
  let from = -1;
  for (const ch of TRADITIONAL_TO_SIMPLIFIED) {
    const cp = ch.codePointAt(0) as number;
    if (cp === 0x0a) continue;
    if (from < 0) {
      from = cp;
    } else {
      if (from >= CJK_FIRST && from <= CJK_LAST) cjk[from - CJK_FIRST] = cp;
      else other.set(from, cp);
      from = -1;
    }
  }
  fold = { cjk, other };
  return fold;
}

function foldTraditional(cp: number): number {
  const { cjk, other } = foldTable();
  if (cp >= CJK_FIRST && cp <= CJK_LAST) return (cjk[cp - CJK_FIRST] as number) || cp;
  return other.get(cp) ?? cp;
}

/** Code points outside the fast paths: what NFKC + lower case + filtering turns each into. */
const slowCache = new Map<number, readonly number[]>();
const SLOW_CACHE_LIMIT = 20_000;

function slowPath(cp: number): readonly number[] {
  const cached = slowCache.get(cp);
  if (cached) return cached;
  const out: number[] = [];
  for (const ch of String.fromCodePoint(cp).normalize('NFKC').toLowerCase()) {
    if (KEEP.test(ch)) out.push(foldTraditional(ch.codePointAt(0) as number));
  }
  if (slowCache.size < SLOW_CACHE_LIMIT) slowCache.set(cp, out);
  return out;
}

function grow(a: Uint32Array, min: number): Uint32Array<ArrayBuffer> {
  const b = new Uint32Array(Math.max(min, a.length * 2));
  b.set(a);
  return b;
}

/** Normalises `text` and keeps the map from normalised positions back to original offsets. */
export function normalizeWithOffsets(text: string): NormalizedText {
  const foldCjk = foldTable().cjk;
  let capacity = text.length + 8;
  let codePoints = new Uint32Array(capacity);
  let starts = new Uint32Array(capacity);
  let ends = new Uint32Array(capacity);
  let n = 0;
  const len = text.length;
  let i = 0;
  while (i < len) {
    let cp = text.charCodeAt(i);
    let width = 1;
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < len) {
      const lo = text.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        cp = (cp - 0xd800) * 0x400 + (lo - 0xdc00) + 0x10000;
        width = 2;
      }
    }
    // Full-width ASCII (ＡＢＣ，！) folds to ASCII; NFKC would do the same, only slower.
    if (cp >= 0xff01 && cp <= 0xff5e) cp -= 0xfee0;
    let single = -1;
    let many: readonly number[] | null = null;
    if (cp < 0x80) {
      if (cp >= 0x61 && cp <= 0x7a) single = cp;
      else if (cp >= 0x41 && cp <= 0x5a) single = cp + 0x20;
      else if (cp >= 0x30 && cp <= 0x39) single = cp;
    } else if ((cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 && cp <= 0x4dbf)) {
      // CJK unified ideographs are NFKC-stable and have no case; only the traditional ones change.
      single = (foldCjk[cp - CJK_FIRST] as number) || cp;
    } else {
      many = slowPath(cp);
    }
    if (single >= 0) {
      if (n >= capacity) {
        capacity *= 2;
        codePoints = grow(codePoints, capacity);
        starts = grow(starts, capacity);
        ends = grow(ends, capacity);
      }
      codePoints[n] = single;
      starts[n] = i;
      ends[n] = i + width;
      n++;
    } else if (many) {
      for (const c of many) {
        if (n >= capacity) {
          capacity *= 2;
          codePoints = grow(codePoints, capacity);
          starts = grow(starts, capacity);
          ends = grow(ends, capacity);
        }
        codePoints[n] = c;
        starts[n] = i;
        ends[n] = i + width;
        n++;
      }
    }
    i += width;
  }
  return { length: n, codePoints, starts, ends };
}

/** The normalised form of `text` as a string (what phrases are stored and compared as). */
export function normalizeForMatch(text: string): string {
  const { length, codePoints } = normalizeWithOffsets(text);
  let out = '';
  for (let k = 0; k < length; k++) out += String.fromCodePoint(codePoints[k] as number);
  return out;
}
