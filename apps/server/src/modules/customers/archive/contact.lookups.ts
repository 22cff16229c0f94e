import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { normalisePhone } from './customers.rules.js';

export type ContactMatch = { customerId: string; contactId: string | null };

/**
 * The customer an e-mail address or phone number belongs to, for messages that arrive from outside
 * (e-mail, SMS, inbound webhooks): the customer's own address or number first, then one of its
 * contacts'; merged-away customers are skipped. Several matches: the oldest customer wins (stable).
 * No data scope: no one is calling — the caller must not show more than it needs.
 */
export async function findCustomerByContact(
  db: DbOrTx,
  contact: { email?: string | null; phone?: string | null },
): Promise<ContactMatch | null> {
  const email = contact.email?.trim().toLowerCase() || null;
  const phone = normalisePhone(contact.phone);
  if (!email && !phone) return null;
  const own = email ? sql`lower(c.email) = ${email}` : sql`c.phone_normalized = ${phone}`;
  const both = email && phone ? sql`(${own} OR c.phone_normalized = ${phone})` : own;
  const direct = await db.execute<{ id: string }>(
    sql`SELECT c.id FROM customers c WHERE ${both} AND c.merged_into_id IS NULL ORDER BY c.created_at, c.id LIMIT 1`,
  );
  const found = direct.rows[0];
  if (found) return { customerId: found.id, contactId: null };

  const digits = (column: ReturnType<typeof sql>) => sql`regexp_replace(coalesce(${column}, ''), '\\D', '', 'g')`;
  const phones = phone
    ? sql`(${digits(sql`p.phone`)} IN (${phone}, ${`86${phone}`}) OR ${digits(sql`p.mobile`)} IN (${phone}, ${`86${phone}`}))`
    : null;
  const byEmail = email ? sql`lower(p.email) = ${email}` : null;
  const where = byEmail && phones ? sql`(${byEmail} OR ${phones})` : (byEmail ?? phones);
  const viaContact = await db.execute<{ customer_id: string; id: string }>(
    sql`SELECT p.customer_id, p.id FROM customer_contacts p JOIN customers c ON c.id = p.customer_id
      WHERE ${where} AND c.merged_into_id IS NULL ORDER BY p.is_primary DESC, c.created_at, p.created_at LIMIT 1`,
  );
  const row = viaContact.rows[0];
  return row ? { customerId: row.customer_id, contactId: row.id } : null;
}

/** The customer's own e-mail address and phone number (what outbound messages are sent to). */
export async function customerContactPoints(db: DbOrTx, customerId: string) {
  const result = await db.execute<{ name: string; email: string | null; phone: string | null }>(
    sql`SELECT c.name, c.email, c.phone FROM customers c WHERE c.id = ${customerId}::uuid`,
  );
  return result.rows[0] ?? null;
}

/**
 * `findCustomerByContact` for many phone numbers at once (call records linked by caller number):
 * by normalised number (normalisePhone), the same rules — the customer's own number first, then a
 * contact's phone or mobile; merged-away customers skipped; the oldest customer wins. Two queries
 * whatever the count; numbers without a match are left out of the map.
 */
export async function findCustomersByPhones(db: DbOrTx, phones: readonly string[]): Promise<Map<string, ContactMatch>> {
  const wanted = [...new Set(phones.map((p) => normalisePhone(p)).filter((p): p is string => p !== null))];
  const found = new Map<string, ContactMatch>();
  if (wanted.length === 0) return found;
  const list = sql`SELECT unnest(${`{${wanted.join(',')}}`}::text[])`;
  const direct = await db.execute<{ phone: string; id: string }>(
    sql`SELECT DISTINCT ON (c.phone_normalized) c.phone_normalized AS phone, c.id FROM customers c
      WHERE c.phone_normalized IN (${list}) AND c.merged_into_id IS NULL
      ORDER BY c.phone_normalized, c.created_at, c.id`,
  );
  for (const row of direct.rows) found.set(row.phone, { customerId: row.id, contactId: null });
  const rest = wanted.filter((p) => !found.has(p));
  if (rest.length === 0) return found;
  // Each contact's numbers normalised once (a hash join, linear in contacts + numbers): contacts
  // have no normalised-number column to index yet.
  const digits = (column: string) => sql.raw(`regexp_replace(coalesce(p.${column}, ''), '\\D', '', 'g')`);
  const viaContact = await db.execute<{ phone: string; customer_id: string; id: string }>(
    sql`WITH numbers AS (
        SELECT p.id, p.customer_id, p.is_primary, p.created_at, ${digits('phone')} AS d FROM customer_contacts p
        UNION ALL
        SELECT p.id, p.customer_id, p.is_primary, p.created_at, ${digits('mobile')} FROM customer_contacts p
      ), normalised AS (
        SELECT id, customer_id, is_primary, created_at,
          CASE WHEN length(d) = 13 AND d LIKE '86%' THEN substr(d, 3) ELSE d END AS phone
        FROM numbers WHERE d <> ''
      )
      SELECT DISTINCT ON (n.phone) n.phone, x.customer_id, x.id
      FROM unnest(${`{${rest.join(',')}}`}::text[]) AS n(phone)
      JOIN normalised x ON x.phone = n.phone
      JOIN customers c ON c.id = x.customer_id AND c.merged_into_id IS NULL
      ORDER BY n.phone, x.is_primary DESC, c.created_at, x.created_at`,
  );
  for (const row of viaContact.rows) found.set(row.phone, { customerId: row.customer_id, contactId: row.id });
  return found;
}
