import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { customerCategories, customers, users } from '../../db/schema/index.js';
import { AppError, badRequest } from '../../lib/app-error.js';

/** Key customers: flagged, or grade A (seed 001: important customers get two staff contacts). */
export function isKeyCustomer(c: { isKey: boolean; grade: string | null }): boolean {
  return c.isKey || c.grade === 'A';
}

export function assertEnoughStaff(c: { isKey: boolean; grade: string | null }, staffCount: number): void {
  if (isKeyCustomer(c) && staffCount < 2) {
    throw new AppError('customers.key_needs_two_staff', 409, {
      params: { count: staffCount },
      fields: [{ path: 'staff', message: 'key customer needs ≥ 2 staff contacts' }],
    });
  }
}

export function normalisePhone(phone: string | null | undefined): string | null {
  if (!phone) return null;
  const digits = phone.replace(/\D/g, '');
  // +86 13812345678 and 13812345678 are the same number.
  return digits.length === 13 && digits.startsWith('86') ? digits.slice(2) : digits || null;
}

export async function assertCategory(db: DbOrTx, key: string | null | undefined) {
  if (!key) return;
  const [row] = await db
    .select({ key: customerCategories.key })
    .from(customerCategories)
    .where(and(eq(customerCategories.key, key), eq(customerCategories.isActive, true)))
    .limit(1);
  if (!row) throw badRequest('customers.category_not_found', { key }, [{ path: 'categoryKey', message: 'unknown' }]);
}

export async function assertActiveUser(db: DbOrTx, userId: string | null | undefined, path: string) {
  if (!userId) return;
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.isActive, true)))
    .limit(1);
  if (!row) throw badRequest('customers.owner_not_found', {}, [{ path, message: 'unknown or inactive user' }]);
}

export type DuplicateCandidate = { id: string; code: string; name: string; reasons: string[] };

/**
 * Possible duplicates of a new or imported customer: the same phone (digits), the same e-mail
 * (case-insensitive), or a similar name (trigram similarity ≥ 0.6, e.g. 上海华信 vs 上海华信有限公司).
 */
export async function findDuplicates(
  db: DbOrTx,
  input: { name: string; phone?: string | null; email?: string | null },
  excludeId?: string,
): Promise<DuplicateCandidate[]> {
  const phone = normalisePhone(input.phone);
  const email = input.email?.trim().toLowerCase() || null;
  const result = await db.execute<{
    id: string;
    code: string;
    name: string;
    same_phone: boolean;
    same_email: boolean;
    similar_name: boolean;
  }>(sql`
    SELECT id, code, name,
      (${phone}::text IS NOT NULL AND phone_normalized = ${phone}) AS same_phone,
      (${email}::text IS NOT NULL AND lower(email) = ${email}) AS same_email,
      (similarity(name, ${input.name}) >= 0.6) AS similar_name
    FROM ${customers}
    WHERE merged_into_id IS NULL
      AND (${excludeId ?? null}::uuid IS NULL OR id <> ${excludeId ?? null}::uuid)
      AND ((${phone}::text IS NOT NULL AND phone_normalized = ${phone})
        OR (${email}::text IS NOT NULL AND lower(email) = ${email})
        OR name % ${input.name})
    ORDER BY similarity(name, ${input.name}) DESC
    LIMIT 10`);
  return result.rows
    .map((r) => ({
      id: r.id,
      code: r.code,
      name: r.name,
      reasons: [r.same_phone && 'phone', r.same_email && 'email', r.similar_name && 'name'].filter(Boolean) as string[],
    }))
    .filter((r) => r.reasons.length > 0);
}
