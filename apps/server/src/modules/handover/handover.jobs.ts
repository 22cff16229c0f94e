import { z } from 'zod';
import type { DbOrTx } from '../../db/client.js';
import { defineJob } from '../../jobs/definition.js';
import { type NotificationInput, queueNotifications } from '../notifications/index.js';
import * as repo from './handover.repository.js';
import { DEFAULT_NOTICE_TEMPLATE, NOTICE_SUBJECT, pickRecipient, renderNotice } from './handover.template.js';

export const NOTIFY_CUSTOMERS_JOB = 'handover.notify_customers';

export const NotifyCustomersDataSchema = z.object({
  handoverId: z.uuid(),
  customerIds: z.array(z.uuid()),
  template: z.string().max(1000).optional(),
});
export type NotifyCustomersData = z.infer<typeof NotifyCustomersDataSchema>;

/**
 * Renders the notice for every affected customer and hands each one to the notification layer
 * (SMS to a mobile, else e-mail; see `pickRecipient`). Customers with no way to reach them are
 * skipped and counted. Everything is written in `tx`, so a redelivered job writes nothing twice.
 */
export async function queueCustomerNotices(tx: DbOrTx, data: NotifyCustomersData) {
  const handover = await repo.findHandoverParties(tx, data.handoverId);
  if (!handover) return { queued: 0, skipped: data.customerIds.length };
  const template = data.template ?? DEFAULT_NOTICE_TEMPLATE;
  let queued = 0;
  let skipped = 0;
  for (const part of repo.chunks(data.customerIds)) {
    const messages: NotificationInput[] = [];
    for (const c of await repo.listNoticeTargets(tx, part)) {
      const reachable = {
        phone: c.phone,
        email: c.email,
        contactMobile: c.contact_mobile,
        contactPhone: c.contact_phone,
        contactEmail: c.contact_email,
      };
      const to = pickRecipient(reachable);
      if (!to) {
        skipped += 1;
        continue;
      }
      const body = renderNotice(template, {
        customerName: c.name,
        newContact: handover.toName,
        newContactPhone: handover.toPhone,
        previousContact: handover.fromName,
      });
      // The other way to reach them, for a customer who prefers it (notification preferences).
      const email = (c.contact_email ?? c.email)?.trim();
      const other = to.channel === 'sms' ? (email ? { channel: 'email' as const, recipient: email } : null) : null;
      messages.push({
        ...to,
        topic: 'handover.customer_notice',
        customerId: c.id,
        vars: {
          customerName: c.name,
          newContact: handover.toName,
          newContactPhone: handover.toPhone,
          previousContact: handover.fromName,
        },
        alternatives: other ? [other] : [],
        subject: NOTICE_SUBJECT,
        body,
        ref: `handover:${handover.id}/customer:${c.id}`,
      });
    }
    await queueNotifications(tx, messages);
    queued += messages.length;
  }
  return { queued, skipped };
}

export const notifyHandoverCustomers = defineJob({
  name: NOTIFY_CUSTOMERS_JOB,
  schema: NotifyCustomersDataSchema,
  async handler({ data, tx }) {
    await queueCustomerNotices(tx, data);
  },
});
