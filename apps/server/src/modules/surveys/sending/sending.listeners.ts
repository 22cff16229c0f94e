import type { EventCatalog } from '../../../events/catalog.js';
import type { DurableListener } from '../../../events/listener.js';
import { ticketSurveyFacts } from '../../tickets/index.js';
import { listTicketClosedSurveys } from '../surveys.repository.js';
import { INVITE_JOB } from './sending.jobs.js';
import { skipReason } from './sending.rules.js';

/**
 * A ticket was closed: for each active survey sent on ticket close whose rules take the ticket
 * (type, internal, agent reply, sample), the invitation job is sent for after the survey's delay
 * (pg-boss `startAfter`), in the delivery's transaction. The job re-checks the ticket when it runs.
 */
export const inviteAfterClose: DurableListener = {
  name: 'surveys.invite_after_close',
  events: ['ticket.status_changed'],
  async handle({ tx, event, deps }) {
    const payload = event.payload as EventCatalog['ticket.status_changed'];
    if (payload.to !== 'closed') return;
    const surveys = await listTicketClosedSurveys(tx);
    if (surveys.length === 0) return;
    const ticket = await ticketSurveyFacts(tx, payload.ticketId);
    if (!ticket) return;
    for (const survey of surveys) {
      if (skipReason(survey.id, survey, ticket) !== null) continue;
      const startAfter = new Date(new Date(event.at).getTime() + survey.delayAfterCloseMinutes * 60_000);
      await deps.jobs.send(
        INVITE_JOB,
        { surveyId: survey.id, ticketId: ticket.id },
        { tx, startAfter, singletonKey: `${survey.id}:${ticket.id}` },
      );
    }
  },
};
