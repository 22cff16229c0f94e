import type { Locale } from '@kefu/shared';
import { and, eq, gt, inArray, not, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { customers, departments, notifications, users } from '../../../db/schema/index.js';
import type { Actor, RequestContext } from '../../../lib/actor.js';
import { AppError } from '../../../lib/app-error.js';
import type { Deps } from '../../../lib/deps.js';
import { recordAudit } from '../../audit/audit.service.js';
import { queueNotifications } from '../../notifications/notifications.service.js';
import { customerScope } from '../archive/customers.repository.js';
import { normalisePhone } from '../archive/customers.rules.js';
import { contactsFor } from '../duplicates/duplicates.js';

type ActorCtx = RequestContext & { actor: Actor };

export type AccessRequestInput = { phone?: string | null; email?: string | null; note?: string | null };

/** One request per requester and customer is announced per this window; repeats are only audited. */
export const ACCESS_REQUEST_WINDOW_MS = 24 * 60 * 60 * 1000;

const TEXT: Record<
  Locale,
  { subject: string; body: string; note: string; fields: Record<'phone' | 'email', string>; join: string }
> = {
  'zh-CN': {
    subject: '访问申请：{requester} 请求共享客户 {code} {name}',
    body: '{requester}（{department}）录入的客户与您团队的客户 {code} {name} 的{fields}相同，请求共享该客户。如同意，请在客户档案中将其加入对接人员。',
    note: '\n备注：{note}',
    fields: { phone: '电话', email: '邮箱' },
    join: '、',
  },
  en: {
    subject: 'Access request: {requester} asks to share customer {code} {name}',
    body: '{requester} ({department}) entered a customer with the same {fields} as your team’s customer {code} {name} and asks you to share it. To share it, add them to the customer’s staff contacts.',
    note: '\nNote: {note}',
    fields: { phone: 'phone', email: 'e-mail' },
    join: ' and ',
  },
};

const fill = (template: string, params: Record<string, string>) =>
  template.replace(/\{(\w+)\}/g, (_, key: string) => params[key] ?? '');

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

/** Whether `requesterId`'s request about `customerId` was announced within the window (by its ref). */
async function announcedRecently(db: DbOrTx, ref: string, since: Date) {
  const [row] = await db
    .select({ id: notifications.id })
    .from(notifications)
    .where(and(eq(notifications.ref, ref), gt(notifications.createdAt, since)))
    .limit(1);
  return Boolean(row);
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
    const [me] = await tx
      .select({ department: departments.name })
      .from(users)
      .leftJoin(departments, eq(departments.id, users.departmentId))
      .where(eq(users.id, ctx.actor.userId));
    const everyone = [...new Set(matches.flatMap((m) => [m.ownerId, ...(byOwner.get(m.ownerId ?? '')?.ids ?? [])]))];
    const recipients = await tx
      .select({ id: users.id, locale: users.locale })
      .from(users)
      .where(
        and(
          inArray(
            users.id,
            everyone.filter((id): id is string => !!id),
          ),
          eq(users.isActive, true),
        ),
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
      const repeated = await announcedRecently(tx, ref, new Date(now.getTime() - ACCESS_REQUEST_WINDOW_MS));
      if (!repeated) {
        await queueNotifications(
          tx,
          to.map((recipient) => {
            const text = TEXT[localeOf.get(recipient) ?? 'zh-CN'];
            const params = {
              requester: `${ctx.actor.displayName} (${ctx.actor.username})`,
              department: me?.department ?? '—',
              code: m.code,
              name: m.name,
              fields: reasons.map((r) => text.fields[r]).join(text.join),
              note: note ?? '',
            };
            return {
              channel: 'in_app' as const,
              recipient,
              subject: fill(text.subject, params),
              body: fill(text.body, params) + (note ? fill(text.note, params) : ''),
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
