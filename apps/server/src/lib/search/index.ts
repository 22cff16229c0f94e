/** Full-text search over Chinese and mixed text: jieba words + single characters in a `simple` tsvector. See ADR 0005. */
export { findHits, type HighlightSegment, type HitRange, highlight, type SnippetOptions } from './highlight.js';
export {
  DEFAULT_SEARCH_CANDIDATES,
  type RankedSearchOptions,
  rankedPageOrder,
  rankedSearch,
} from './newest.js';
export {
  MAX_QUERY_CHARS,
  MAX_QUERY_TOKENS,
  matchSql,
  parseSearchQuery,
  type QueryTerm,
  rankSql,
  type SearchQuery,
} from './query.js';
export { normalizeText, toCharacterTokens, toIndexText, toSearchTokens, warmUpSegmenter } from './segment.js';
export { type SearchWeight, toWeightedVector, tsvector, type WeightedPart } from './vector.js';
