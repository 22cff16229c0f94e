import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '@kefu/shared';
import { asc, desc, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { badRequest } from './app-error.js';

/**
 * The list convention shared by every endpoint: `page` (1-based), `pageSize` (≤ 200) and `sort`,
 * a comma list of field names, each optionally prefixed with `-` for descending order.
 */
export const PageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
  sort: z.string().max(200).optional(),
});

export type PageQuery = z.infer<typeof PageQuerySchema>;

export function pageOf<T extends z.ZodTypeAny>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}

/** Turns `-createdAt,name` into ORDER BY terms over the allowed columns; unknown fields are a 400. */
export function orderBy(
  sort: string | undefined,
  columns: Record<string, PgColumn | SQL>,
  fallback: (PgColumn | SQL)[],
): (PgColumn | SQL)[] {
  if (!sort) return fallback;
  const terms: (PgColumn | SQL)[] = [];
  for (const raw of sort.split(',')) {
    const field = raw.trim().replace(/^[-+]/, '');
    if (!field) continue;
    // Own keys only: `toString`, `constructor` or `__proto__` must not reach Object.prototype.
    const column = Object.hasOwn(columns, field) ? columns[field] : undefined;
    if (!column) {
      throw badRequest('validation_failed', {}, [
        { path: 'sort', message: `unknown sort field "${field}"; allowed: ${Object.keys(columns).join(', ')}` },
      ]);
    }
    terms.push(raw.trim().startsWith('-') ? desc(column) : asc(column));
  }
  return terms.length > 0 ? [...terms, ...fallback] : fallback;
}

export function offsetOf(query: PageQuery): number {
  return (query.page - 1) * query.pageSize;
}
