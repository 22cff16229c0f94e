import { type SQL, sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { users } from '../modules/users/users.tables.js';
import { AppError } from './app-error.js';
import { offsetOf, orderBy, PageQuerySchema } from './pagination.js';

const dialect = new PgDialect();
const render = (terms: unknown[]) => dialect.sqlToQuery(sql.join(terms as SQL[], sql`, `)).sql;

const COLUMNS = { username: users.username, createdAt: users.createdAt, displayName: users.displayName };
const FALLBACK = [users.username];

describe('orderBy', () => {
  it('uses the fallback when there is no sort', () => {
    expect(orderBy(undefined, COLUMNS, FALLBACK)).toBe(FALLBACK);
    expect(orderBy('', COLUMNS, FALLBACK)).toBe(FALLBACK);
    expect(orderBy(' , ,', COLUMNS, FALLBACK)).toBe(FALLBACK);
  });

  it('turns fields into ascending terms and -fields into descending ones, then the fallback', () => {
    expect(render(orderBy('-createdAt', COLUMNS, FALLBACK))).toBe('"users"."created_at" desc, "users"."username"');
    expect(render(orderBy('displayName,-createdAt', COLUMNS, FALLBACK))).toBe(
      '"users"."display_name" asc, "users"."created_at" desc, "users"."username"',
    );
    expect(render(orderBy('+username', COLUMNS, []))).toBe('"users"."username" asc');
  });

  it('tolerates spaces and empty items', () => {
    expect(render(orderBy(' -createdAt , , displayName ', COLUMNS, []))).toBe(
      '"users"."created_at" desc, "users"."display_name" asc',
    );
  });

  it('refuses unknown fields with a 400 that names the field and the allowed ones', () => {
    for (const sort of [
      'passwordHash',
      '-createdAt,nope',
      'created_at',
      'username;DROP TABLE users',
      '--createdAt',
      'toString',
    ]) {
      let error: unknown;
      try {
        orderBy(sort, COLUMNS, FALLBACK);
      } catch (e) {
        error = e;
      }
      expect(error, sort).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ status: 400, code: 'validation_failed' });
      const [field] = (error as AppError).fields ?? [];
      expect(field?.path).toBe('sort');
      expect(field?.message).toContain('allowed: username, createdAt, displayName');
    }
  });
});

describe('PageQuerySchema and offsetOf', () => {
  it('defaults, coerces and bounds page and pageSize', () => {
    expect(PageQuerySchema.parse({})).toEqual({ page: 1, pageSize: 20 });
    expect(PageQuerySchema.parse({ page: '3', pageSize: '50', sort: '-createdAt' })).toEqual({
      page: 3,
      pageSize: 50,
      sort: '-createdAt',
    });
    for (const bad of [
      { page: '0' },
      { page: '1.5' },
      { pageSize: '201' },
      { pageSize: '0' },
      { page: 'x' },
      { sort: 'x'.repeat(201) },
    ]) {
      expect(PageQuerySchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });

  it('computes the offset of a page', () => {
    expect(offsetOf({ page: 1, pageSize: 20 })).toBe(0);
    expect(offsetOf({ page: 3, pageSize: 50 })).toBe(100);
  });
});
