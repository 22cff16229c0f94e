import type { Locale, MessageKey, MessageRef } from '@kefu/shared';
import type { SlaFiredPayload } from '../../../events/catalog.js';
import type { DurableListener, StoredEvent } from '../../../events/listener.js';
import { type NotificationInput, queueNotifications } from '../../notifications/index.js';
import { findTicketSummaries, type TicketSummary } from '../../tickets/index.js';
import * as repo from '../robots.repository.js';
import { dayIn } from './digest.figures.js';

const BREACH_STEP = 100;
const FOLLOW_UP_STEP = 200;

type AlertTopic = 'sla.escalated' | 'sla.warned' | 'complaint.major_reported';

const metricLabel = (metric: string): MessageRef => ({ key: `label.sla_metric.${metric}` as MessageKey });

/** What happened, in catalog keys: the message's subject and the "what" line of its body. */
export function alertWording(
  event: StoredEvent,
  number: string,
  title: string,
): { subject: MessageRef; what: MessageRef } {
  if (event.name === 'complaint.major_reported') {
    return {
      subject: { key: 'robot.major_complaint.subject', params: { number, title } },
      what: { key: 'robot.major_complaint.what' },
    };
  }
  const p = event.payload as SlaFiredPayload & { manual?: boolean };
  const metric = metricLabel(p.metric);
  if (event.name === 'sla.escalated') {
    return {
      subject: p.manual
        ? { key: 'robot.sla_escalated_manual.subject', params: { number, level: p.step } }
        : { key: 'robot.sla_escalated.subject', params: { number, metric, level: p.step } },
      what: { key: 'robot.sla_escalated.what', params: { metric, level: p.step } },
    };
  }
  if (p.step === BREACH_STEP) {
    return {
      subject: { key: 'notice.sla.breached', params: { number, metric } },
      what: { key: 'robot.sla_breached.what', params: { metric } },
    };
  }
  if (p.step === FOLLOW_UP_STEP) {
    return {
      subject: { key: 'notice.sla.follow_up', params: { number, metric } },
      what: { key: 'robot.sla_follow_up.what', params: { metric } },
    };
  }
  return {
    subject: { key: 'notice.sla.warning', params: { number, metric, percent: p.step } },
    what: { key: 'robot.sla_warned.what', params: { metric, percent: p.step } },
  };
}

function inputFor(robot: repo.RobotRow, event: StoredEvent, ticket: TicketSummary, link: string): NotificationInput {
  const { subject, what } = alertWording(event, ticket.number, ticket.subject);
  const assignee: MessageRef | string = ticket.assigneeName ?? { key: 'robot.unassigned' };
  return {
    channel: 'robot',
    recipient: robot.id,
    topic: event.name as AlertTopic,
    locale: robot.locale as Locale,
    content: {
      subject,
      body: { key: 'robot.ticket.body', params: { number: ticket.number, title: ticket.subject, assignee, what } },
    },
    vars: {
      ticketNumber: ticket.number,
      ticketSubject: ticket.subject,
      agentName: ticket.assigneeName ?? '',
      link,
    },
    headers: { link, ticketId: ticket.id },
    ref: `robot-alert:${event.id}`,
  };
}

/**
 * Time-limit escalations and warnings and major complaints go to every enabled robot subscribed
 * to the event's topic, worded in the robot's language, with the ticket's number, subject,
 * assignee, what happened and a link to it; delivered by the notification layer (retries, log).
 */
export const robotAlertsListener: DurableListener = {
  name: 'robots.alerts',
  events: ['sla.escalated', 'sla.warned', 'complaint.major_reported'],
  async handle({ tx, event, deps }) {
    const subscribed = await repo.robotsForTopics(tx, [event.name]);
    if (subscribed.length === 0) return;
    const { ticketId } = event.payload as { ticketId: string };
    const [ticket] = await findTicketSummaries(tx, [ticketId]);
    if (!ticket) return;
    const link = `${deps.config.baseUrl}/tickets/${ticket.id}`;
    await queueNotifications(
      tx,
      subscribed.map((robot) => inputFor(robot, event, ticket, link)),
    );
  },
};

/**
 * Keeps the day counts of the daily digest from the events themselves (once per event): new
 * tickets and complaints, major complaints, breached time limits — the day in the business time zone.
 */
export const robotDigestCountsListener: DurableListener = {
  name: 'robots.digest_counts',
  events: ['ticket.created', 'complaint.major_reported', 'sla.warned'],
  async handle({ tx, event, deps }) {
    const day = dayIn(new Date(event.at), deps.config.timezone);
    if (event.name === 'ticket.created') {
      const p = (event as StoredEvent<'ticket.created'>).payload;
      await repo.addDigestCounts(tx, day, { created: 1, complaints: p.isComplaint ? 1 : 0 });
    } else if (event.name === 'complaint.major_reported') {
      await repo.addDigestCounts(tx, day, { major: 1 });
    } else if ((event as StoredEvent<'sla.warned'>).payload.step === BREACH_STEP) {
      await repo.addDigestCounts(tx, day, { breached: 1 });
    }
  },
};
