import { eq, gte, ilike, inArray, lte, or, type SQL, sql } from 'drizzle-orm';
import { customerContacts, customers } from '../customers.tables.js';
import { normalisePhone } from './customers.rules.js';
import type { ListCustomersQuery } from './customers.schemas.js';

/** The list's filter conditions (customers.repository.ts adds data scope and merge state). */

function escapeLike(q: string): string {
  return q.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export type CustomerFilter = Omit<ListCustomersQuery, 'page' | 'pageSize' | 'sort'>;

/**
 * How a search is written: `index` so that every arm can use an index and PostgreSQL combines them
 * (BitmapOr) instead of reading the whole table; `scan` for a plan that walks the list order and
 * tests each row, where the cheapest test wins (see listCustomersInScope).
 */
export type SearchForm = 'index' | 'scan';

/**
 * `q`: a substring of the name, code or e-mail (case-insensitive), or of the phone digits (4 or
 * more digits):
 * - name: the trigram index from three characters on; a two-character term (华信, 张伟 — the usual
 *   Chinese search) has no trigram, so the index form looks it up in the bigram index (kefu_bigrams,
 *   migration 0006): its one bigram is among the name's exactly when the name contains it,
 *   ILIKE-wise (both lower-case the same way);
 * - code and e-mail: trigram indexes; both are ASCII only (generated KH…; validated addresses), so a
 *   term with other characters cannot match them and the arm is left out;
 * - phone: the trigram index over the normalised digits.
 */
function searchCondition(q: string, form: SearchForm): SQL | undefined {
  const like = `%${escapeLike(q)}%`;
  const digits = q.replace(/\D/g, '');
  const ascii = /^[\x20-\x7e]*$/.test(q);
  return or(
    form === 'index' && [...q].length === 2
      ? sql`kefu_bigrams(${customers.name}) @> kefu_bigrams(${q}::text)`
      : ilike(customers.name, like),
    ascii ? ilike(customers.code, like) : undefined,
    ascii ? ilike(customers.email, like) : undefined,
    digits.length >= 4 ? sql`${customers.phoneNormalized} LIKE ${`%${digits}%`}` : undefined,
  );
}

/**
 * `phone`: the customer whose own number is this one, or one of whose contacts' phone or mobile is
 * (digits compared, `+86` ignored) — an incoming call's number, as `findCustomerByContact` matches
 * it, within the list's data scope.
 */
function phoneCondition(phone: string): SQL {
  const digits = normalisePhone(phone);
  // A number that normalises to nothing matches nobody (not every contact without a phone).
  if (!digits) return sql`FALSE`;
  const contactDigits = (column: typeof customerContacts.phone | typeof customerContacts.mobile) =>
    sql`regexp_replace(coalesce(${column}, ''), '\\D', '', 'g')`;
  return sql`(${customers.phoneNormalized} = ${digits} OR ${customers.id} IN (
    SELECT ${customerContacts.customerId} FROM ${customerContacts}
    WHERE ${contactDigits(customerContacts.phone)} IN (${digits}, ${`86${digits}`})
       OR ${contactDigits(customerContacts.mobile)} IN (${digits}, ${`86${digits}`})))`;
}

/** A number as a custom-field filter writes it (`cf=annual_purchase:25`, `-3.5`). */
const DECIMAL = /^-?\d{1,15}(?:\.\d{1,15})?$/;

/**
 * `cf=<key>:<value>`: the field equals the value — a text, date or select value, a number field
 * when the value is a number — or a multi-select field contains it. One jsonpath test: in lax mode
 * `$.key ? (@ == v)` looks into an array as well, and the jsonb_path_ops GIN index answers it with
 * one look-up (the key is checked by the query schema, the value is a JSON string literal, and the
 * path is a bound parameter).
 */
export function customFieldCondition(pair: string): SQL {
  const [key = '', ...rest] = pair.split(':');
  const value = rest.join(':');
  const text = JSON.stringify(value);
  const test = DECIMAL.test(value) ? `@ == ${text} || @ == ${JSON.stringify(Number(value))}` : `@ == ${text}`;
  return sql`${customers.customFields} @? ${`$.${JSON.stringify(key)} ? (${test})`}::jsonpath`;
}

/** The filter conditions of the list (search, fields, custom fields), without scope and merge state. */
export function customerFilters(filter: CustomerFilter, form: SearchForm = 'index'): (SQL | undefined)[] {
  const custom = (filter.cf ?? []).map(customFieldCondition);
  return [
    filter.q ? searchCondition(filter.q, form) : undefined,
    filter.phone ? phoneCondition(filter.phone) : undefined,
    filter.kind ? eq(customers.kind, filter.kind) : undefined,
    filter.grade ? inArray(customers.grade, filter.grade.split(',') as ('A' | 'B' | 'C' | 'D')[]) : undefined,
    filter.categoryKey ? eq(customers.categoryKey, filter.categoryKey) : undefined,
    filter.ownerId ? eq(customers.ownerId, filter.ownerId) : undefined,
    filter.region ? eq(customers.region, filter.region) : undefined,
    filter.isKey === undefined ? undefined : eq(customers.isKey, filter.isKey),
    filter.updatedFrom ? gte(customers.updatedAt, filter.updatedFrom) : undefined,
    filter.updatedTo ? lte(customers.updatedAt, filter.updatedTo) : undefined,
    ...custom,
  ];
}
