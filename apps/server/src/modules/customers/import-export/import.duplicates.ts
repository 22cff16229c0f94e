import type { DataScope } from '@kefu/shared';
import { and, inArray, isNull, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { findAuthority } from '../../users/index.js';
import { customerScope, type ScopeSubject } from '../archive/customers.repository.js';
import { customers } from '../customers.tables.js';
import { contactsFor } from '../duplicates/duplicates.js';

/**
 * What an import row's phone or e-mail matched among existing customers: the codes of those the
 * importer may see; of the others only how many and whom to ask (no code, no name — the same rule
 * as the customer form's duplicate warning, duplicates.ts).
 */
export type ExistingMatch = { codes?: string[]; elsewhere?: { count: number; contacts: string[] } };
export type ExistingMatches = { phone: Map<string, ExistingMatch>; email: Map<string, ExistingMatch> };

/** The importer's data scope, read when the import runs (a job has no signed-in actor). */
export async function importerScope(db: DbOrTx, userId: string): Promise<ScopeSubject> {
  const row = await findAuthority(db, userId);
  // An importer who no longer exists sees nothing but their own.
  return { userId, dataScope: (row?.dataScope ?? 'own') as DataScope, departmentId: row?.departmentId ?? null };
}

/** Existing (not merged-away) customers with one of these phones (digits) or e-mails (lower case). */
export async function findExistingMatches(
  db: DbOrTx,
  scope: ScopeSubject,
  phones: string[],
  emails: string[],
): Promise<ExistingMatches> {
  const out: ExistingMatches = { phone: new Map(), email: new Map() };
  if (phones.length === 0 && emails.length === 0) return out;
  const rows = await db
    .select({
      code: customers.code,
      ownerId: customers.ownerId,
      phone: customers.phoneNormalized,
      email: sql<string | null>`lower(${customers.email})`,
      inScope: sql<boolean>`(${customerScope(scope)})`,
    })
    .from(customers)
    .where(
      and(
        isNull(customers.mergedIntoId),
        or(
          phones.length > 0 ? inArray(customers.phoneNormalized, phones) : undefined,
          emails.length > 0 ? inArray(sql`lower(${customers.email})`, emails) : undefined,
        ),
      ),
    );
  const contacts = await contactsFor(
    db,
    rows.filter((r) => !r.inScope).map((r) => r.ownerId),
  );
  for (const r of rows) {
    for (const key of ['phone', 'email'] as const) {
      const value = r[key];
      if (!value) continue;
      const match = out[key].get(value) ?? {};
      if (r.inScope) match.codes = [...(match.codes ?? []), r.code];
      else {
        const names = contacts.get(r.ownerId ?? '')?.names ?? [];
        const before = match.elsewhere ?? { count: 0, contacts: [] };
        match.elsewhere = { count: before.count + 1, contacts: [...new Set([...before.contacts, ...names])] };
      }
      out[key].set(value, match);
    }
  }
  return out;
}
