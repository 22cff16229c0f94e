import type { Tx } from '../../db/client.js';
import { recordEvent } from '../../events/outbox.js';
import type { Actor, RequestContext } from '../../lib/actor.js';
import { AppError, badRequest } from '../../lib/app-error.js';
import type { Deps } from '../../lib/deps.js';
import { randomToken, sha256 } from '../../lib/tokens.js';
import { recordAudit } from '../audit/index.js';
import { customerVisibleTo } from '../customers/index.js';
import { type TicketSurveyFacts, ticketSurveyFactsInScope } from '../tickets/index.js';
import { queueInvitationMessage } from './invitation.messages.js';
import * as repo from './surveys.repository.js';
import type { InvitationChannel, InvitationStaff } from './surveys.tables.js';

type Ctx = RequestContext & { actor: Actor };

const DAY_MS = 86_400_000;

/** The public page of a token: `<base URL>/s/<token>`. */
export const surveyUrl = (deps: Deps, token: string) => `${deps.config.baseUrl}/s/${token}`;

/** The hash stored for a token (the token itself is never stored). */
export const tokenHash = (token: string) => sha256(token);

export type IssueInput = {
  survey: repo.SurveyRow;
  customerId: string | null;
  ticket: TicketSurveyFacts | null;
  channel: InvitationChannel;
  expiresInDays?: number;
  staff?: InvitationStaff;
  departmentId?: string | null;
  createdBy: string | null;
  now?: Date;
};

/**
 * Creates the invitation (token hash only) and, for SMS or e-mail, queues its message through the
 * notification layer, in the caller's transaction. A plain link counts as sent when it is handed
 * out. With a reminder rule, the reminder job is sent for later (it carries the token: the link
 * must be repeated, and only its hash is stored here). Null when the ticket was already invited.
 */
export async function issueInvitation(tx: Tx, deps: Deps, input: IssueInput) {
  const now = input.now ?? new Date();
  const token = randomToken(24);
  const days = Math.min(input.expiresInDays ?? input.survey.expiryDays, 180);
  const staff: InvitationStaff = { ...(input.staff ?? {}) };
  if (!staff.agent && input.ticket?.agentId) {
    staff.agent = { userId: input.ticket.agentId, name: input.ticket.agentName ?? '' };
  }
  const invitation = await repo.insertInvitation(tx, {
    surveyId: input.survey.id,
    tokenHash: tokenHash(token),
    customerId: input.customerId,
    ticketId: input.ticket?.id ?? null,
    channel: input.channel,
    staff,
    departmentId: input.departmentId ?? input.ticket?.departmentId ?? null,
    status: input.channel === 'link' ? 'sent' : 'pending',
    sentAt: input.channel === 'link' ? now : null,
    expiresAt: new Date(now.getTime() + days * DAY_MS),
    createdBy: input.createdBy,
    createdAt: now,
  });
  if (!invitation) return null;
  const url = surveyUrl(deps, token);
  if (input.channel !== 'link' && invitation.customerId) {
    await queueInvitationMessage(tx, { invitation, survey: input.survey, url, reminder: false, now });
  }
  if (input.survey.reminderAfterDays !== null) {
    const at = now.getTime() + input.survey.reminderAfterDays * DAY_MS;
    if (at < invitation.expiresAt.getTime()) {
      await deps.jobs.send('surveys.remind', { invitationId: invitation.id, token }, { tx, startAfter: new Date(at) });
    }
  }
  await recordEvent(
    tx,
    'survey.invited',
    {
      invitationId: invitation.id,
      surveyId: input.survey.id,
      customerId: invitation.customerId,
      ticketId: invitation.ticketId,
    },
    input.createdBy,
  );
  return { invitation, token, url };
}

/** POST /surveys/{id}/invitations: the customer and ticket must be within the caller's scope (else 404). */
export async function createInvitation(
  deps: Deps,
  ctx: Ctx,
  surveyId: string,
  body: {
    customerId?: string;
    ticketId?: string;
    channel: InvitationChannel;
    expiresInDays?: number;
    staff?: Record<string, { userId?: string | null; name: string }>;
  },
) {
  const result = await deps.database.db.transaction(async (tx) => {
    const survey = await repo.findSurvey(tx, surveyId);
    if (!survey) throw new AppError('surveys.not_found', 404);
    if (!survey.active) throw new AppError('surveys.inactive', 409);
    let ticket: TicketSurveyFacts | null = null;
    if (body.ticketId) {
      ticket = (await ticketSurveyFactsInScope(tx, ctx.actor, body.ticketId)) ?? null;
      if (!ticket) throw new AppError('tickets.not_found', 404);
    }
    const customerId = body.customerId ?? ticket?.customerId ?? null;
    if (body.customerId && ticket?.customerId && ticket.customerId !== body.customerId) {
      throw badRequest('validation_failed', {}, [{ path: 'customerId', message: 'not the ticket’s customer' }]);
    }
    if (customerId && !(await customerVisibleTo(tx, ctx.actor, customerId))) {
      throw new AppError('customers.not_found', 404);
    }
    if (body.channel !== 'link' && !customerId) {
      throw badRequest('validation_failed', {}, [{ path: 'customerId', message: 'SMS and e-mail need a customer' }]);
    }
    const staff: InvitationStaff = {};
    for (const [role, s] of Object.entries(body.staff ?? {})) staff[role] = { userId: s.userId ?? null, name: s.name };
    const issued = await issueInvitation(tx, deps, {
      survey,
      customerId,
      ticket,
      channel: body.channel,
      expiresInDays: body.expiresInDays,
      staff,
      departmentId: ticket?.departmentId ?? ctx.actor.departmentId,
      createdBy: ctx.actor.userId,
    });
    if (!issued) throw new AppError('conflict', 409);
    await recordAudit(tx, ctx, {
      action: 'survey.invited',
      entityType: customerId ? 'customer' : 'survey',
      entityId: customerId ?? survey.id,
      after: { surveyId, invitationId: issued.invitation.id, ticketId: ticket?.id ?? null, channel: body.channel },
    });
    return issued;
  });
  const current = (await repo.findInvitation(deps.database.db, result.invitation.id)) ?? result.invitation;
  return {
    id: current.id,
    token: result.token,
    url: result.url,
    channel: current.channel,
    status: current.status,
    expiresAt: current.expiresAt.toISOString(),
  };
}
