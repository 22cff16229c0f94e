import { and, not, or, type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import { hasHan, isOutsideDictionary, joinDigitGroups, normalizeText, toSearchTokens } from './segment.js';

/**
 * A user's search box text → a tsquery over the `simple` search vectors (vector.ts), plus the SQL
 * helpers that match and rank with it.
 *
 * Syntax: words separated by spaces are ANDed; `"…"` (or “…” 「…」) is a phrase; `-word` excludes.
 * Each word is segmented like indexed text and its tokens ANDed (空调不制冷 → 空调 & 不 & 制冷); a
 * phrase's tokens must follow each other. Everything else is text: no input can make a tsquery
 * syntax error, because every lexeme is quoted and lexemes only hold letters and digits.
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
  tokens: string[];
  phrase: boolean;
  exclude: boolean;
  /**
   * Chinese characters no dictionary word covers (修, 伟明): jieba may cut them otherwise inside a
   * sentence, so matchSql also accepts a substring match on the `fallback` text columns.
   */
  outsideDictionary: boolean;
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
    let tokens = toSearchTokens(raw);
    if (!phrase) {
      tokens = [...new Set(tokens)];
      const meaningful = tokens.filter((token) => !QUERY_STOPWORDS.has(token));
      if (meaningful.length > 0) tokens = meaningful;
    }
    tokens = tokens.slice(0, budget);
    if (tokens.length === 0) continue;
    budget -= tokens.length;
    terms.push({ text: raw, tokens, phrase, exclude, outsideDictionary: hasHan(raw) && isOutsideDictionary(raw) });
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

function termExpression(term: QueryTerm, positive = false): string {
  const lexemes = term.tokens.map((token) => lexeme(token, !term.phrase && isPrefixToken(token)));
  const joined = lexemes.length === 1 ? (lexemes[0] as string) : `(${lexemes.join(term.phrase ? ' <-> ' : ' & ')})`;
  return term.exclude && !positive ? `!${joined}` : joined;
}

function tsqueryOf(terms: QueryTerm[]): string | null {
  return terms.length === 0 ? null : terms.map((term) => termExpression(term)).join(' & ');
}

function tsq(text: string): SQL {
  return sql`to_tsquery('simple', ${text}::text)`;
}

function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export type MatchOptions = {
  /**
   * Text columns (or expressions) searched by substring (ILIKE) for the words outside the
   * dictionary, in addition to the vector; give each a `gin_trgm_ops` index. Without them such a
   * word is looked up by its tokens only.
   */
  fallback?: SQLWrapper[];
};

const toQuery = (query: SearchQuery | string): SearchQuery =>
  typeof query === 'string' ? parseSearchQuery(query) : query;

/**
 * The WHERE condition: `vector @@ to_tsquery('simple', …)` (GIN index), and for each word outside
 * the dictionary, when fallback columns are given, `(vector @@ word OR col ILIKE '%word%' …)`.
 * An empty query matches nothing (FALSE); callers usually skip the search when `isEmpty`.
 */
export function matchSql(vector: SQLWrapper, query: SearchQuery | string, options: MatchOptions = {}): SQL {
  const parsed = toQuery(query);
  if (parsed.isEmpty) return sql`FALSE`;
  const columns = options.fallback ?? [];
  const viaFallback = (term: QueryTerm) => term.outsideDictionary && columns.length > 0;
  const plain = tsqueryOf(parsed.terms.filter((term) => !viaFallback(term)));
  const conditions: (SQL | undefined)[] = [plain ? sql`${vector} @@ ${tsq(plain)}` : undefined];
  for (const term of parsed.terms.filter(viaFallback)) {
    const pattern = likePattern(term.text);
    const either = or(
      sql`${vector} @@ ${tsq(termExpression(term, true))}`,
      ...columns.map((column) => sql`${column} ILIKE ${pattern}`),
    ) as SQL;
    conditions.push(term.exclude ? not(sql`coalesce(${either}, FALSE)`) : either);
  }
  return and(...conditions) as SQL;
}

/**
 * The tsquery that ranks: the wanted terms (exclusions do not rank). With a word outside the
 * dictionary matched by substring, its tokens may be absent, so the terms are ORed instead.
 */
export function rankingTsquery(query: SearchQuery): string | null {
  const wanted = query.terms.filter((term) => !term.exclude);
  if (wanted.length === 0) return null;
  const separator = wanted.some((term) => term.outsideDictionary) ? ' | ' : ' & ';
  return wanted.map((term) => termExpression(term)).join(separator);
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
