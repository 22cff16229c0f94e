import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import type { Actor } from '../../../lib/actor.js';
import { AppError } from '../../../lib/app-error.js';
import { departmentManagerSql, departmentParentSql } from '../../departments/index.js';
import { isActiveUserSql, knownUserNameSql, userDepartmentSql, userSuperiorSql } from '../../users/index.js';
import { customerScope } from '../archive/customers.repository.js';
import { normalisePhone } from '../archive/customers.rules.js';
import { customers } from '../customers.tables.js';

/** A possible duplicate the caller may see: named, with a link. */
export type DuplicateCandidate = { id: string; code: string; name: string; reasons: string[] };

/**
 * A customer with the same phone or e-mail that the caller may not see: reported without identity
 * (no id, code or name), only why it matched and whom to ask — the owner's superior or the manager
 * of the owner's department (organisation information, not the customer's).
 */
export type ElsewhereDuplicate = { reasons: ('phone' | 'email')[]; contacts: string[] };

export type Duplicates = { visible: DuplicateCandidate[]; elsewhere: ElsewhereDuplicate[] };

type MatchRow = {
  id: string;
  code: string;
  name: string;
  owner_id: string | null;
  in_scope: boolean;
  same_phone: boolean;
  same_email: boolean;
  similar_name: boolean;
};

/**
 * Possible duplicates of a new or edited customer: the same phone (digits), the same e-mail
 * (case-insensitive) or a similar name (trigram similarity ≥ 0.6, e.g. 上海华信 vs 上海华信有限公司).
 * Those within the actor's data scope are named; those outside are reported only when the phone or
 * e-mail is the same (a similar name outside one's scope is not reported: it would let anyone probe
 * who the company's customers are by name), and without identity.
 */
export async function findDuplicates(
  db: DbOrTx,
  actor: Actor,
  input: { name: string; phone?: string | null; email?: string | null },
  excludeId?: string,
): Promise<Duplicates> {
  const phone = normalisePhone(input.phone);
  const email = input.email?.trim().toLowerCase() || null;
  const result = await db.execute<MatchRow>(sql`
    SELECT id, code, name, owner_id, (${customerScope(actor)}) AS in_scope,
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
    LIMIT 20`);
  const visible: DuplicateCandidate[] = [];
  const hidden: { ownerId: string | null; reasons: ('phone' | 'email')[] }[] = [];
  for (const r of result.rows) {
    if (r.in_scope) {
      const reasons = [r.same_phone && 'phone', r.same_email && 'email', r.similar_name && 'name'].filter(
        Boolean,
      ) as string[];
      if (reasons.length > 0 && visible.length < 10) visible.push({ id: r.id, code: r.code, name: r.name, reasons });
      continue;
    }
    const reasons = [r.same_phone && 'phone', r.same_email && 'email'].filter(Boolean) as ('phone' | 'email')[];
    if (reasons.length > 0) hidden.push({ ownerId: r.owner_id, reasons });
  }
  const contacts = await contactsFor(
    db,
    hidden.map((h) => h.ownerId),
  );
  return {
    visible,
    elsewhere: hidden.map((h) => ({ reasons: h.reasons, contacts: contacts.get(h.ownerId ?? '')?.names ?? [] })),
  };
}

export type OwnerContacts = { ids: string[]; names: string[] };

/**
 * Whom to ask about a customer owned by each of `ownerIds`: the owner's direct superior and the
 * manager of the owner's department (or of the nearest department above it that has one), each
 * once and never the owner; by owner id.
 */
export async function contactsFor(db: DbOrTx, ownerIds: (string | null)[]): Promise<Map<string, OwnerContacts>> {
  const ids = [...new Set(ownerIds.filter((id): id is string => !!id))];
  const out = new Map<string, OwnerContacts>();
  if (ids.length === 0) return out;
  const result = await db.execute<{ owner_id: string; user_id: string; display_name: string; rank: number }>(sql`
    WITH RECURSIVE owners(id, superior_id, department_id) AS (
      SELECT o.id, ${userSuperiorSql(sql`o.id`)}, ${userDepartmentSql(sql`o.id`)}
      FROM unnest(${`{${ids.join(',')}}`}::uuid[]) AS o(id)
    ), up(owner_id, department_id, parent_id, manager_id, depth) AS (
      SELECT o.id, o.department_id, ${departmentParentSql(sql`o.department_id`)}, ${departmentManagerSql(sql`o.department_id`)}, 0
      FROM owners o WHERE o.department_id IS NOT NULL
      UNION ALL
      SELECT up.owner_id, up.parent_id, ${departmentParentSql(sql`up.parent_id`)}, ${departmentManagerSql(sql`up.parent_id`)}, up.depth + 1
      FROM up
      WHERE up.parent_id IS NOT NULL AND up.manager_id IS NULL AND up.depth < 20
    ), candidates(owner_id, user_id, rank) AS (
      SELECT id, superior_id, 0 FROM owners WHERE superior_id IS NOT NULL
      UNION ALL
      SELECT owner_id, manager_id, 1 FROM up WHERE manager_id IS NOT NULL
    )
    SELECT c.owner_id, c.user_id, ${knownUserNameSql(sql`c.user_id`)} AS display_name, c.rank
    FROM candidates c
    WHERE ${isActiveUserSql(sql`c.user_id`)} AND c.user_id <> c.owner_id
    ORDER BY c.owner_id, c.rank`);
  for (const r of result.rows) {
    const entry = out.get(r.owner_id) ?? { ids: [], names: [] };
    if (!entry.ids.includes(r.user_id)) {
      entry.ids.push(r.user_id);
      entry.names.push(r.display_name);
    }
    out.set(r.owner_id, entry);
  }
  return out;
}

/**
 * The 409 of a duplicate check: `customers.possible_duplicate` with the candidates when the caller
 * may see one, else `customers.duplicate_elsewhere` naming only whom to ask. Nothing when none.
 */
export function assertNoDuplicates({ visible, elsewhere }: Duplicates): void {
  const contacts = [...new Set(elsewhere.flatMap((e) => e.contacts))];
  const others = elsewhere.map((e) => ({ reasons: e.reasons, contacts: e.contacts }));
  if (visible.length > 0) {
    throw new AppError('customers.possible_duplicate', 409, {
      params: { codes: visible.map((d) => d.code).join('、'), duplicates: visible, elsewhere: others },
    });
  }
  if (elsewhere.length > 0) {
    throw new AppError('customers.duplicate_elsewhere', 409, {
      params: { contacts: contacts.join('、') || '—', elsewhere: others },
    });
  }
}
