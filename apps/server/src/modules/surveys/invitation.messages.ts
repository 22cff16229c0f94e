import { DEFAULT_LOCALE } from '@kefu/shared';
import type { DbOrTx } from '../../db/client.js';
import { listNoticeTargets, normalisePhone } from '../customers/index.js';
import { type NotificationInput, queueNotification } from '../notifications/index.js';
import * as repo from './surveys.repository.js';

const MAINLAND_MOBILE = /^1[3-9]\d{9}$/;

type Target = Awaited<ReturnType<typeof listNoticeTargets>>[number];

function mobileOf(c: Target): string | null {
  for (const raw of [c.contact_mobile, c.phone, c.contact_phone]) {
    const phone = normalisePhone(raw) ?? '';
    if (MAINLAND_MOBILE.test(phone)) return phone;
  }
  return null;
}

/** SMS to a mainland mobile, else e-mail (an e-mail invitation: the e-mail, else SMS); null: unreachable. */
function recipientsOf(c: Target, channel: 'sms' | 'email') {
  const mobile = mobileOf(c);
  const email = (c.contact_email ?? c.email)?.trim() || null;
  const sms = mobile ? { channel: 'sms' as const, recipient: mobile } : null;
  const mail = email ? { channel: 'email' as const, recipient: email } : null;
  const [first, other] = channel === 'sms' ? [sms ?? mail, mail] : [mail ?? sms, sms];
  if (!first) return null;
  return { first, alternatives: other && other.channel !== first.channel ? [other] : [] };
}

/**
 * Queues the invitation (or its one reminder) to the customer through the notification layer
 * (topic `survey.invitation`: opt-out, preferred channel and quiet hours apply there) and marks the
 * invitation sent / reminded. False when the customer cannot be reached (left `pending`).
 */
export async function queueInvitationMessage(
  tx: DbOrTx,
  args: { invitation: repo.InvitationRow; survey: repo.SurveyRow; url: string; reminder: boolean; now: Date },
): Promise<boolean> {
  const { invitation, survey, url } = args;
  if (!invitation.customerId) return false;
  const [customer] = await listNoticeTargets(tx, [invitation.customerId]);
  if (!customer) return false;
  const to = recipientsOf(customer, invitation.channel === 'email' ? 'email' : 'sms');
  if (!to) return false;
  const expiresOn = invitation.expiresAt.toISOString().slice(0, 10);
  const params = { customerName: customer.name, url, expiresOn, surveyName: survey.name };
  const message: NotificationInput = {
    ...to.first,
    alternatives: to.alternatives,
    topic: 'survey.invitation',
    customerId: invitation.customerId,
    locale: DEFAULT_LOCALE,
    vars: params,
    content: {
      subject: { key: 'notice.survey.subject', params: { surveyName: survey.name } },
      body: { key: args.reminder ? 'notice.survey.reminder' : 'notice.survey.invitation', params },
    },
    ref: `survey:${survey.id}/invitation:${invitation.id}`,
  };
  await queueNotification(tx, message);
  await repo.updateInvitation(
    tx,
    invitation.id,
    args.reminder
      ? { remindedAt: args.now }
      : { status: 'sent', sentAt: args.now, recipient: to.first.recipient, channel: to.first.channel },
  );
  return true;
}
