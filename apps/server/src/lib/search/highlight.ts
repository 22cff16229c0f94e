import { parseSearchQuery, type QueryTerm, type SearchQuery } from './query.js';
import { normalizeText } from './segment.js';

/**
 * Search-result snippets as data, not HTML: `[{ text, hit }]`, the web wraps hits in <mark> and
 * escapes everything (React does). Hits are found in normalized text (full-width, case) and cut
 * from the original text, so a hit segment is exactly what the user wrote.
 */

export type HighlightSegment = { text: string; hit: boolean };
/** Offsets into the original text (UTF-16 code units, end exclusive). */
export type HitRange = { start: number; end: number };

export type SnippetOptions = {
  /** Snippet length in characters (UTF-16 code units), default 120. */
  length?: number;
  /** Context kept before the first hit of the window, default 20. */
  before?: number;
  /** Marks a cut at either end (a non-hit segment), default '…'; '' for none. */
  ellipsis?: string;
};

/** Texts longer than this are searched for hits in their first part only. */
const MAX_HIGHLIGHT_CHARS = 50_000;
const LATIN_OR_DIGIT = /^[\p{Script=Latin}\p{N}]/u;
const WORD_RUN = /[\p{L}\p{N}\p{M}]+/gu;

type Normalized = { text: string; start: number[]; end: number[] };

/** NFKC + lower case per grapheme, remembering where each normalized code unit came from. */
function normalizeWithOffsets(original: string): Normalized {
  const start: number[] = [];
  const end: number[] = [];
  let text = '';
  const graphemes = new Intl.Segmenter('und', { granularity: 'grapheme' }).segment(original);
  for (const { segment, index } of graphemes) {
    const normalized = normalizeText(segment);
    text += normalized;
    for (let i = 0; i < normalized.length; i += 1) {
      start.push(index);
      end.push(index + segment.length);
    }
  }
  return { text, start, end };
}

/**
 * What to look for: each wanted word or phrase as typed (its letters and digits), and its tokens
 * of two or more characters (a word's single-character tokens such as 不 would light up
 * everywhere; a one-character word is kept). Longest first.
 */
function highlightTerms(terms: QueryTerm[]): string[] {
  const found = new Set<string>();
  for (const term of terms) {
    if (term.exclude) continue;
    const whole = [...term.text.matchAll(WORD_RUN)].join('');
    if (whole) found.add(whole);
    for (const token of term.tokens) if (token.length >= 2 || term.tokens.length === 1) found.add(token);
  }
  return [...found].sort((a, b) => b.length - a.length);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Where a term occurs in normalized text (start offsets and lengths). A latin word or number must
 * start a word (x200 in "型号x2000", not in "ax200") and, unless it has a digit (matched as a
 * prefix, like the query), end one; a phone number also matches written with - or spaces.
 */
function occurrences(text: string, term: string): { at: number; length: number }[] {
  const latin = LATIN_OR_DIGIT.test(term);
  const prefix = /\d/.test(term);
  const body = /^\d{7,15}$/.test(term) ? [...term].join('[- ]?') : escapeRegExp(term);
  const pattern = new RegExp(
    `${latin ? '(?<![\\p{Script=Latin}\\p{N}])' : ''}${body}${latin && !prefix ? '(?![\\p{Script=Latin}\\p{N}])' : ''}`,
    'gu',
  );
  return [...text.matchAll(pattern)].map((match) => ({ at: match.index, length: match[0].length }));
}

/** Hits in the original text, in order, not overlapping. */
export function findHits(original: string, query: SearchQuery | string): HitRange[] {
  const parsed = typeof query === 'string' ? parseSearchQuery(query) : query;
  const terms = highlightTerms(parsed.terms);
  if (terms.length === 0 || original.length === 0) return [];
  const norm = normalizeWithOffsets(original.slice(0, MAX_HIGHLIGHT_CHARS));
  const marked = new Uint8Array(norm.text.length);
  for (const term of terms) {
    for (const { at, length } of occurrences(norm.text, term)) marked.fill(1, at, at + length);
  }
  const hits: HitRange[] = [];
  for (let i = 0; i < marked.length; i += 1) {
    if (!marked[i]) continue;
    let j = i;
    while (j + 1 < marked.length && marked[j + 1]) j += 1;
    const start = norm.start[i] as number;
    const end = norm.end[j] as number;
    const last = hits.at(-1);
    if (last && start <= last.end) last.end = Math.max(last.end, end);
    else hits.push({ start, end });
    i = j;
  }
  return hits;
}

const isLowSurrogate = (text: string, at: number) => /[\uDC00-\uDFFF]/.test(text[at] ?? '');

/** The window of `length` holding the most hits (the earliest such), starting a little before its first hit. */
function bestWindow(text: string, hits: HitRange[], length: number, before: number): HitRange {
  let best = { start: 0, score: -1 };
  let last = 0;
  hits.forEach((anchor, first) => {
    // Hits are ordered and disjoint: the window from anchor holds hits first … last-1.
    const start = Math.max(0, anchor.start - before);
    last = Math.max(last, first);
    while (last < hits.length && (hits[last] as HitRange).end <= start + length) last += 1;
    if (last - first > best.score) best = { start, score: last - first };
  });
  let start = best.start;
  let end = Math.min(text.length, start + length);
  start = Math.max(0, Math.min(start, end - length));
  if (isLowSurrogate(text, start)) start += 1;
  if (isLowSurrogate(text, end)) end += 1;
  return { start, end };
}

const collapse = (text: string) => text.replace(/\s+/g, ' ');

/**
 * A snippet of about `length` characters around the best hits of the query, as segments.
 * Without hits: the start of the text. Whitespace runs (line breaks) become one space.
 */
export function highlight(
  original: string | null | undefined,
  query: SearchQuery | string,
  options: SnippetOptions = {},
): HighlightSegment[] {
  const text = original ?? '';
  if (text.length === 0) return [];
  const { length = 120, before = 20, ellipsis = '…' } = options;
  const hits = findHits(text, query);
  const window = bestWindow(text, hits, Math.max(1, length), Math.max(0, before));
  const segments: HighlightSegment[] = [];
  const push = (part: string, hit: boolean) => {
    const value = hit ? part : collapse(part);
    if (!value) return;
    const last = segments.at(-1);
    if (last && last.hit === hit) last.text += value;
    else segments.push({ text: value, hit });
  };
  if (window.start > 0 && ellipsis) push(ellipsis, false);
  let at = window.start;
  for (const hit of hits) {
    if (hit.end <= window.start || hit.start >= window.end) continue;
    const start = Math.max(hit.start, window.start);
    const end = Math.min(hit.end, window.end);
    push(text.slice(at, start), false);
    push(text.slice(start, end), true);
    at = end;
  }
  push(text.slice(at, window.end), false);
  if (window.end < text.length && ellipsis) push(ellipsis, false);
  return segments;
}
