import { type SQL, sql } from 'drizzle-orm';
import { customType } from 'drizzle-orm/pg-core';
import { toIndexText } from './segment.js';

/**
 * A `tsvector` column for Drizzle schemas: `searchVector: tsvector('search_vector')`, indexed with
 * `index('…_search_idx').using('gin', t.searchVector)`. Written with toWeightedVector (never read
 * back as data: it is a string in PostgreSQL's tsvector syntax).
 */
export const tsvector = customType<{ data: string; driverData: string }>({
  dataType: () => 'tsvector',
});

/** tsvector weights: A counts most (1.0), then B (0.4), C (0.2), D (0.1) in rankSql. */
export type SearchWeight = 'A' | 'B' | 'C' | 'D';
export type WeightedPart = { weight: SearchWeight; text: string | null | undefined | (string | null | undefined)[] };

/**
 * The SQL value of a search vector: each part segmented here (jieba), then
 * `setweight(to_tsvector('simple', $1), 'A') || setweight(to_tsvector('simple', $2), 'B') || …`.
 * For a column update: `.set({ searchVector: toWeightedVector({ weight: 'A', text: title }, …) })`;
 * to add a reply to an existing vector: sql`${t.searchVector} || ${toWeightedVector({ weight: 'C', text })}`
 * (`||` shifts the new positions after the old ones).
 */
export function toWeightedVector(...parts: WeightedPart[]): SQL {
  const vectors = parts.map(({ weight, text }) => {
    const indexText = Array.isArray(text) ? toIndexText(...text) : toIndexText(text);
    // The weight is one of four letters (the type says so; checked again for callers without types).
    if (!/^[ABCD]$/.test(weight)) throw new Error(`invalid search weight ${String(weight)}`);
    return sql`setweight(to_tsvector('simple', ${indexText}::text), ${sql.raw(`'${weight}'`)})`;
  });
  if (vectors.length === 0) return sql`''::tsvector`;
  return sql.join(vectors, sql` || `);
}
