import fs from 'node:fs';
import { createRequire } from 'node:module';
import { Jieba } from '@node-rs/jieba';

/**
 * Segmentation for full-text search over Chinese (and mixed) text: jieba words, then every Chinese
 * character on its own, stored as a `simple` tsvector (see vector.ts) and looked up by tsqueries
 * built from the same tokens (query.ts). Whatever produces index tokens must produce query tokens
 * too: changing anything here (rules, jieba version, dictionary) means recomputing every stored
 * search vector.
 */

const require = createRequire(import.meta.url);
let jieba: Jieba | undefined;

/** The process's one segmenter; its dictionary (~5 MB, ~0.2 s) loads on first use. */
function segmenter(): Jieba {
  jieba ??= Jieba.withDict(fs.readFileSync(require.resolve('@node-rs/jieba/dict.txt')));
  return jieba;
}

/** Loads the dictionary now (at start-up) instead of in the first request that searches. */
export function warmUpSegmenter(): void {
  segmenter();
}

/** Longer runs of letters/digits (hashes, base64, URLs' noise) are not indexed nor searched. */
export const MAX_TOKEN_LENGTH = 64;
/** Each indexed part is cut here: a tsvector is limited to 1 MB and positions to 16,383. */
export const MAX_INDEX_CHARS = 100_000;

/** Full-width → half-width, compatibility forms (NFKC), lower case: what is indexed and searched. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** A run of letters, digits and combining marks (punctuation, spaces, emoji and symbols split). */
const WORD = /[\p{L}\p{N}\p{M}]+/gu;
const HAN = /\p{Script=Han}/u;

/**
 * Digit groups separated by single hyphens or spaces — phone numbers (138-1234-5678,
 * +86 138 1234 5678, 0755-12345678), dates — are joined before segmentation (7 to 15 digits in
 * all), so that the number is found however it was written.
 */
const DIGIT_GROUPS = /(?<![\p{L}\p{N}])\d{2,8}(?:[- ]\d{2,8})+(?![\p{L}\p{N}])/gu;

export function joinDigitGroups(text: string): string {
  return text.replace(DIGIT_GROUPS, (match) => {
    const digits = match.replace(/\D/g, '');
    return digits.length >= 7 && digits.length <= 15 ? digits : match;
  });
}

/**
 * The search tokens of a text, in text order: NFKC + lower case, jieba search mode (HMM on: a long
 * word also yields its dictionary sub-words, 售后服务 → 售后 服务 售后服务), then only runs of
 * letters and digits — Chinese words, latin words, numbers, model numbers (x200), phone digits.
 */
export function toSearchTokens(text: string): string[] {
  const normalized = joinDigitGroups(normalizeText(text.slice(0, MAX_INDEX_CHARS)));
  const tokens: string[] = [];
  for (const piece of segmenter().cutForSearch(normalized, true)) {
    for (const [word] of piece.matchAll(WORD)) {
      if (word.length <= MAX_TOKEN_LENGTH && !word.startsWith(CHARACTER_MARK)) tokens.push(word);
    }
  }
  return tokens;
}

/**
 * Marks a character lexeme (ǂ修) apart from a one-character word (修 cut alone by jieba): the
 * pieces of a query word (不 in 空调不制冷) must stay words, not "the character anywhere". A letter
 * (PostgreSQL's parser keeps ǂ修 one word in every locale) that no segmented word starts with.
 */
export const CHARACTER_MARK = 'ǂ';

/**
 * The Chinese characters of a text, in order. Indexed after the words (marked, CHARACTER_MARK),
 * they make a single character (修) or a word outside the dictionary (伟明 → ǂ伟 <-> ǂ明) an
 * index lookup too.
 */
export function toCharacterTokens(text: string): string[] {
  return [...normalizeText(text.slice(0, MAX_INDEX_CHARS))].filter((c) => HAN.test(c));
}

/**
 * The text to store with `to_tsvector('simple', $1)`: for every part, its word tokens, then its
 * marked Chinese characters (toCharacterTokens), space-joined.
 */
export function toIndexText(...parts: (string | null | undefined)[]): string {
  return parts
    .filter((part): part is string => typeof part === 'string' && part.length > 0)
    .map((part) => [...toSearchTokens(part), ...toCharacterTokens(part).map((c) => CHARACTER_MARK + c)].join(' '))
    .filter((text) => text.length > 0)
    .join(' ');
}

export function hasHan(text: string): boolean {
  return HAN.test(text);
}

/**
 * True when a word's Chinese characters are not covered by a dictionary word of two or more
 * characters (a single character such as 修, or a name such as 伟明): jieba may then cut the word
 * differently inside a sentence (HMM), so such a word is looked up by its characters in a row.
 */
export function isOutsideDictionary(word: string): boolean {
  const han = toCharacterTokens(word).join('');
  if (han.length === 0) return false;
  return segmenter()
    .cut(han, false)
    .every((piece) => [...piece].length < 2);
}
