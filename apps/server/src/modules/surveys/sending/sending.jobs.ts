import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '../../../db/client.js';
import { defineJob } from '../../../jobs/definition.js';
import { dayIn } from '../../../lib/calendar-day.js';
import { customerContactCap, hasCallbackNear } from '../../callbacks/index.js';
import { ticketSurveyFacts } from '../../tickets/index.js';
import { issueInvitation, surveyUrl } from '../create-invitation.js';
import { queueInvitationMessage } from '../invitation.messages.js';
import * as repo from '../surveys.repository.js';
import { surveyInvitations } from '../surveys.tables.js';
import { skipReason } from './sending.rules.js';

export const INVITE_JOB = 'surveys.invite';
export const REMIND_JOB = 'surveys.remind';

/**
 * The per-customer cap (callbacks' `capDays`, default 7: no more than one callback or survey per 7
 * days): a survey yields — it is not sent when the customer was sent another survey within the cap,
 * or has a callback due within it, before or after (callbacks are the service's commitments).
 */
async function withinContactCap(tx: Tx, timeZone: string, customerId: string): Promise<boolean> {
  const days = await customerContactCap(tx);
  if (days <= 0) return false;
  if (await hasCallbackNear(tx, customerId, dayIn(new Date(), timeZone), days)) return true;
  return repo.invitedSince(tx, customerId, new Date(Date.now() - days * 86_400_000));
}

/**
 * The delayed invitation of a closed ticket's customer: still closed, the survey still active and
 * sent on close, the rules still met, the customer not within the contact cap — then one invitation (unique per survey and ticket) sent by
 * SMS, else e-mail, through the notification layer.
 */
export const inviteClosedTicket = defineJob({
  name: INVITE_JOB,
  schema: z.object({ surveyId: z.uuid(), ticketId: z.uuid() }),
  async handler({ data, tx, deps }) {
    const survey = await repo.findSurvey(tx, data.surveyId);
    if (!survey?.active || survey.trigger !== 'ticket_closed') return;
    const ticket = await ticketSurveyFacts(tx, data.ticketId);
    if (ticket?.status !== 'closed' || skipReason(survey.id, survey, ticket) !== null) return;
    if (ticket.customerId && (await withinContactCap(tx, deps.config.timezone, ticket.customerId))) return;
    await issueInvitation(tx, deps, {
      survey,
      customerId: ticket.customerId,
      ticket,
      channel: 'sms',
      createdBy: null,
    });
  },
});

/** The one reminder to a customer who has not answered (sent, not answered, not expired, not reminded). */
export const remindInvitation = defineJob({
  name: REMIND_JOB,
  schema: z.object({ invitationId: z.uuid(), token: z.string().min(16).max(128) }),
  async handler({ data, tx, deps }) {
    const invitation = await repo.findInvitation(tx, data.invitationId);
    if (invitation?.status !== 'sent' || invitation.remindedAt || invitation.channel === 'link') return;
    const now = new Date();
    if (invitation.expiresAt.getTime() <= now.getTime()) return;
    const survey = await repo.findSurvey(tx, invitation.surveyId);
    if (!survey?.active) return;
    await queueInvitationMessage(tx, {
      invitation,
      survey,
      url: surveyUrl(deps, data.token),
      reminder: true,
      now,
    });
  },
});

/** Hourly: links past their expiry are marked expired (the page refuses them already by the date). */
export const expireInvitations = defineJob({
  name: 'surveys.expire',
  schema: z.object({}),
  cron: '23 * * * *',
  async handler({ tx }) {
    await tx
      .update(surveyInvitations)
      .set({ status: 'expired' })
      .where(sql`${surveyInvitations.status} IN ('pending', 'sent') AND ${surveyInvitations.expiresAt} <= now()`);
  },
});
