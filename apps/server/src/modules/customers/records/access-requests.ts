import { DEFAULT_LOCALE } from '@kefu/shared';
import { and, eq, not, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import type { Actor, RequestContext } from '../../../lib/actor.js';
import { AppError } from '../../../lib/app-error.js';
import type { Deps } from '../../../lib/deps.js';
import { recordAudit } from '../../audit/index.js';
import { findDepartmentRow } from '../../departments/index.js';
import { notifiedSince, queueNotifications } from '../../notifications/index.js';
import { findActiveUserLocales } from '../../users/index.js';
import { customerScope } from '../archive/customers.repository.js';
import { normalisePhone } from '../archive/customers.rules.js';
import { customers } from '../customers.tables.js';
import { contactsFor } from '../duplicates/duplicates.js';

type ActorCtx = RequestContext & { actor: Actor };

export type AccessRequestInput = { phone?: string | null; email?: string | null; note?: string | null };

/** One request per requester and customer is announced per this window; repeats are only audited. */
export const ACCESS_REQUEST_WINDOW_MS = 24 * 60 * 60 * 1000;

/** Customers with this phone (digits) or e-mail that the actor may NOT see, with why they matched. */
async function matchesOutsideScope(db: DbOrTx, actor: Actor, phone: string | null, email: string | null) {
  const rows = await db
    .select({
      id: customers.id,
      code: customers.code,
      name: customers.name,
      ownerId: customers.ownerId,
      samePhone: phone ? sql<boolean>`${customers.phoneNormalized} = ${phone}` : sql<boolean>`false`,
      sameEmail: email ? sql<boolean>`lower(${customers.email}) = ${email}` : sql<boolean>`false`,
    })
    .from(customers)
    .where(
      and(
        sql`${customers.mergedIntoId} IS NULL`,
        or(
          phone ? eq(customers.phoneNormalized, phone) : undefined,
          email ? sql`lower(${customers.email}) = ${email}` : undefined,
        ),
        not(customerScope(actor)),
      ),
    )
    .limit(10);
  return rows;
}

/**
 * "Ask to share it": the caller found (by a duplicate warning) that a customer with this phone or
 * e-mail exists outside their scope. Its owner and whom to ask (the owner's superior, the manager of
 * the owner's department) get an in-app notification naming the customer and the requester; the
 * requester learns nothing more than the duplicate warning told (whom to ask). Audited per customer;
 * announced once per requester and customer a day (repeats are audited, not re-sent).
 */
export async function requestCustomerAccess(deps: Deps, ctx: ActorCtx, input: AccessRequestInput) {
  const phone = normalisePhone(input.phone);
  const email = input.email?.trim().toLowerCase() || null;
  const note = input.note?.trim() || null;
  const now = new Date();
  const contacts = await deps.database.db.transaction(async (tx) => {
    const matches = await matchesOutsideScope(tx, ctx.actor, phone, email);
    if (matches.length === 0) throw new AppError('customers.access_request_no_match', 404);
    const byOwner = await contactsFor(
      tx,
      matches.map((m) => m.ownerId),
    );
    const myDepartment = ctx.actor.departmentId ? await findDepartmentRow(tx, ctx.actor.departmentId) : undefined;
    const everyone = [...new Set(matches.flatMap((m) => [m.ownerId, ...(byOwner.get(m.ownerId ?? '')?.ids ?? [])]))];
    const recipients = await findActiveUserLocales(
      tx,
      everyone.filter((id): id is string => !!id),
    );
    const localeOf = new Map(recipients.map((r) => [r.id, r.locale]));
    const names = new Set<string>();
    for (const m of matches) {
      const contact = byOwner.get(m.ownerId ?? '') ?? { ids: [], names: [] };
      for (const n of contact.names) names.add(n);
      const to = [m.ownerId, ...contact.ids].filter(
        (id, i, all): id is string => !!id && id !== ctx.actor.userId && localeOf.has(id) && all.indexOf(id) === i,
      );
      const reasons = [m.samePhone && 'phone', m.sameEmail && 'email'].filter(Boolean) as ('phone' | 'email')[];
      const ref = `customer:${m.id}/access-request:${ctx.actor.userId}`;
      const repeated = await notifiedSince(tx, ref, new Date(now.getTime() - ACCESS_REQUEST_WINDOW_MS));
      if (!repeated) {
        await queueNotifications(
          tx,
          to.map((recipient) => {
            const params = {
              requester: `${ctx.actor.displayName} (${ctx.actor.username})`,
              department: myDepartment?.name ?? '—',
              code: m.code,
              name: m.name,
              fields: reasons.map((r) => ({ key: `label.contact_field.${r}` as const })),
              note: note ?? '',
            };
            return {
              channel: 'in_app' as const,
              recipient,
              topic: 'customers.access_request' as const,
              content: {
                subject: { key: 'notice.access_request.subject' as const, params },
                body: {
                  key: note
                    ? ('notice.access_request.body_with_note' as const)
                    : ('notice.access_request.body' as const),
                  params,
                },
              },
              locale: localeOf.get(recipient) ?? DEFAULT_LOCALE,
              ref,
            };
          }),
        );
      }
      await recordAudit(tx, ctx, {
        action: 'customer.access_requested',
        entityType: 'customer',
        entityId: m.id,
        details: { matchedBy: reasons, recipients: to, note, repeated },
      });
    }
    return [...names];
  });
  return { contacts };
}
