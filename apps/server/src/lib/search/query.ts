import { type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import {
  CHARACTER_MARK,
  hasHan,
  isOutsideDictionary,
  joinDigitGroups,
  normalizeText,
  toCharacterTokens,
  toSearchTokens,
} from './segment.js';

/**
 * A user's search box text → a tsquery over the `simple` search vectors (vector.ts), plus the SQL
 * helpers that match and rank with it.
 *
 * Syntax: words separated by spaces are ANDed; `"…"` (or “…” 「…」) is a phrase; `-word` excludes.
 * Each word is segmented like indexed text and its tokens ANDed (空调不制冷 → 空调 & 不 & 制冷); a
 * phrase's tokens must follow each other. A word whose Chinese no dictionary word covers (修, 伟明)
 * is looked up as its characters in a row (ǂ伟 <-> ǂ明; the index holds every character, marked,
 * see segment.ts). Everything else is text: no input can make a tsquery syntax error, because every
 * lexeme is quoted and lexemes only hold letters and digits.
 */

/** Query text beyond this is ignored (code points). */
export const MAX_QUERY_CHARS = 200;
/** Tokens beyond this are ignored: each token is one more index lookup. */
export const MAX_QUERY_TOKENS = 16;

/** Particles dropped from a query word that has other tokens (kept in phrases and in the index). */
const QUERY_STOPWORDS = new Set([
  '的',
  '了',
  '是',
  '在',
  '和',
  '与',
  '及',
  '吗',
  '呢',
  '吧',
  '啊',
  '呀',
  '着',
  '过',
  '地',
  '得',
]);

export type QueryTerm = {
  /** The word or phrase as typed, normalized (NFKC, lower case). */
  text: string;
  /** Word tokens (jieba); for a word outside the dictionary only its latin words and numbers. */
  tokens: string[];
  /**
   * A word outside the dictionary (修, 伟明: jieba may cut it otherwise inside a sentence): its
   * Chinese characters, matched in a row. Empty for other words.
   */
  characters: string[];
  phrase: boolean;
  exclude: boolean;
};

export type SearchQuery = {
  terms: QueryTerm[];
  /** Text for `to_tsquery('simple', …)` requiring every term; null when there is no term. */
  tsquery: string | null;
  /** No term to look for (empty, only punctuation, or only exclusions): matchSql matches nothing. */
  isEmpty: boolean;
};

const OPEN_CLOSE_QUOTES = /[“”„‟「」『』]/g;
/** A phrase (optionally excluded, closing quote optional) or a run of non-space characters. */
const QUERY_PART = /(-?)"([^"]*)"?|(\S+)/g;

export function parseSearchQuery(input: string): SearchQuery {
  const text = joinDigitGroups(normalizeText([...input].slice(0, MAX_QUERY_CHARS).join(''))).replace(
    OPEN_CLOSE_QUOTES,
    '"',
  );
  const terms: QueryTerm[] = [];
  let budget = MAX_QUERY_TOKENS;
  for (const [, minus, quoted, bare] of text.matchAll(QUERY_PART)) {
    if (budget <= 0) break;
    const phrase = quoted !== undefined;
    const exclude = phrase ? minus === '-' : (bare ?? '').startsWith('-');
    const raw = (phrase ? quoted : (bare ?? '').replace(/^-+/, '')).trim();
    const outside = hasHan(raw) && isOutsideDictionary(raw);
    const characters = outside ? toCharacterTokens(raw).slice(0, budget) : [];
    let tokens = toSearchTokens(raw);
    if (outside) tokens = tokens.filter((token) => !hasHan(token));
    if (!phrase) {
      tokens = [...new Set(tokens)];
      const meaningful = tokens.filter((token) => !QUERY_STOPWORDS.has(token));
      if (meaningful.length > 0 || characters.length > 0) tokens = meaningful;
    }
    tokens = tokens.slice(0, budget - characters.length);
    if (tokens.length + characters.length === 0) continue;
    budget -= tokens.length + characters.length;
    terms.push({ text: raw, tokens, characters, phrase, exclude });
  }
  const isEmpty = !terms.some((term) => !term.exclude);
  return { terms, tsquery: isEmpty ? null : tsqueryOf(terms), isEmpty };
}

/** A tsquery lexeme, quoted (quotes doubled, backslashes escaped: only letters and digits reach here anyway). */
function lexeme(token: string, prefix: boolean): string {
  return `'${token.replace(/\\/g, '\\\\').replace(/'/g, "''")}'${prefix ? ':*' : ''}`;
}

/** Identifiers typed in part (TK2024…, 1381234…, x20…) match as prefixes: tokens with a digit, 3+ chars. */
function isPrefixToken(token: string): boolean {
  return token.length >= 3 && /\d/.test(token) && /^[\p{L}\p{N}]+$/u.test(token);
}

const group = (parts: string[], operator: string) =>
  parts.length === 1 ? (parts[0] as string) : `(${parts.join(` ${operator} `)})`;

function termExpression(term: QueryTerm, positive = false): string {
  const words = term.tokens.map((token) => lexeme(token, !term.phrase && isPrefixToken(token)));
  const parts =
    term.characters.length > 0
      ? [
          group(
            term.characters.map((c) => lexeme(CHARACTER_MARK + c, false)),
            '<->',
          ),
          ...words,
        ]
      : [group(words, term.phrase ? '<->' : '&')];
  const joined = group(parts, '&');
  return term.exclude && !positive ? `!${joined}` : joined;
}

function tsqueryOf(terms: QueryTerm[]): string | null {
  return terms.length === 0 ? null : terms.map((term) => termExpression(term)).join(' & ');
}

function tsq(text: string): SQL {
  return sql`to_tsquery('simple', ${text}::text)`;
}

const toQuery = (query: SearchQuery | string): SearchQuery =>
  typeof query === 'string' ? parseSearchQuery(query) : query;

/**
 * The WHERE condition `vector @@ to_tsquery('simple', …)`, answered by a GIN index on the vector.
 * An empty query matches nothing (FALSE); callers usually skip the search when `isEmpty`.
 */
export function matchSql(vector: SQLWrapper, query: SearchQuery | string): SQL {
  const parsed = toQuery(query);
  if (parsed.isEmpty || !parsed.tsquery) return sql`FALSE`;
  return sql`${vector} @@ ${tsq(parsed.tsquery)}`;
}

/** The tsquery that ranks: the wanted terms (exclusions do not rank). */
export function rankingTsquery(query: SearchQuery): string | null {
  const wanted = query.terms.filter((term) => !term.exclude);
  return wanted.length === 0 ? null : wanted.map((term) => termExpression(term)).join(' & ');
}

/**
 * Relevance, 0 ≤ rank < 1: `ts_rank_cd` (cover density: the terms, close together, count more)
 * with weights D 0.1, C 0.2, B 0.4, A 1.0; normalization 1 divides by 1 + log(length) so a long
 * thread does not win by length alone, 32 maps the rank into [0, 1).
 */
export function rankSql(vector: SQLWrapper, query: SearchQuery | string): SQL<number> {
  const ranking = rankingTsquery(toQuery(query));
  if (!ranking) return sql<number>`0::real`;
  return sql<number>`ts_rank_cd('{0.1, 0.2, 0.4, 1.0}'::real[], ${vector}, ${tsq(ranking)}, 33)`.mapWith(Number);
}
