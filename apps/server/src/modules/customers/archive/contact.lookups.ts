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
