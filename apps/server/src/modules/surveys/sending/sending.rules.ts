import { createHash } from 'node:crypto';

/** The survey's sending rules (surveys.tables.ts) and the closed ticket's facts they look at. */
export type SendingRules = {
  ticketTypeKeys: readonly string[];
  samplingRate: number;
  skipNoAgentReply: boolean;
  skipInternal: boolean;
};
export type ClosedTicket = {
  id: string;
  typeKey: string;
  customerId: string | null;
  agentReplied: boolean;
  internal: boolean;
};

export type SkipReason = 'no_customer' | 'ticket_type' | 'internal' | 'no_agent_reply' | 'not_sampled';

/**
 * Whether a ticket falls in the sample: a fixed draw per (survey, ticket) — the first 32 bits of
 * SHA-256("<surveyId>:<ticketId>") as a fraction of 2³² — below the sampling rate. The same ticket
 * gets the same answer every time (a redelivered event invites nobody twice, tests are repeatable),
 * and over many tickets the share invited is the rate.
 */
export function sampled(surveyId: string, ticketId: string, rate: number): boolean {
  if (rate >= 1) return true;
  if (rate <= 0) return false;
  const draw = createHash('sha256').update(`${surveyId}:${ticketId}`).digest().readUInt32BE(0) / 2 ** 32;
  return draw < rate;
}

/** Why a closed ticket gets no invitation from this survey, or null: invite it. */
export function skipReason(surveyId: string, rules: SendingRules, ticket: ClosedTicket): SkipReason | null {
  if (!ticket.customerId) return 'no_customer';
  if (rules.ticketTypeKeys.length > 0 && !rules.ticketTypeKeys.includes(ticket.typeKey)) return 'ticket_type';
  if (rules.skipInternal && ticket.internal) return 'internal';
  if (rules.skipNoAgentReply && !ticket.agentReplied) return 'no_agent_reply';
  if (!sampled(surveyId, ticket.id, rules.samplingRate)) return 'not_sampled';
  return null;
}
