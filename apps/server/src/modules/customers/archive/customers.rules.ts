import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { AppError, badRequest } from '../../../lib/app-error.js';
import { isActiveUser } from '../../users/index.js';
import { customerCategories } from '../customers.tables.js';

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
  if (!(await isActiveUser(db, userId)))
    throw badRequest('customers.owner_not_found', {}, [{ path, message: 'unknown or inactive user' }]);
}
