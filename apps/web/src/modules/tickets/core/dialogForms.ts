/**
 * The ticket page's dialogs as request bodies: a lifecycle step (`POST …/transitions`) and a field
 * edit (`PATCH …`, only the changed fields and the version read). Pure, unit-tested.
 */
import dayjs, { type Dayjs } from 'dayjs';
import type { Ticket, TicketAction, TransitionBody, UpdateTicketBody } from './types';
import { changedFields } from './versionConflict';

export type DialogValues = {
  process?: string;
  result?: string;
  firstContact?: boolean;
  satisfied?: 'yes' | 'no' | 'unreachable';
  note?: string;
  rootCauseKey?: string;
  rootCause?: string;
  summary?: string;
  nextReplyAt?: Dayjs;
  forbiddenOverrideReason?: string;
};

/** Dialog values → the transition body (only what the action uses). */
export function transitionBody(action: TicketAction, version: number, values: DialogValues): TransitionBody {
  const body: TransitionBody = { version, action };
  const text = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);
  switch (action) {
    case 'resolve':
      body.process = text(values.process);
      body.result = text(values.result);
      if (values.firstContact) body.firstContact = true;
      break;
    case 'feedback':
      body.satisfied = values.satisfied === 'yes' ? true : values.satisfied === 'no' ? false : null;
      body.note = text(values.note);
      break;
    case 'close':
      body.rootCauseKey = values.rootCauseKey;
      body.rootCause = text(values.rootCause);
      body.summary = text(values.summary);
      break;
    case 'reopen':
      body.note = text(values.note);
      if (values.nextReplyAt) body.nextReplyAt = values.nextReplyAt.toISOString();
      break;
    default:
      break;
  }
  const reason = text(values.forbiddenOverrideReason);
  if (reason) body.forbiddenOverrideReason = reason;
  return body;
}

export type EditValues = {
  typeKey: string;
  channel: Ticket['channel'];
  priority: Ticket['priority'];
  subject: string;
  description: string;
  tags: string[];
  isMajor: boolean;
  nextReplyAt: Dayjs | null;
};

export const valuesOf = (ticket: Ticket): EditValues => ({
  typeKey: ticket.typeKey,
  channel: ticket.channel,
  priority: ticket.priority,
  subject: ticket.subject,
  description: ticket.description,
  tags: ticket.tags,
  isMajor: ticket.isMajor,
  nextReplyAt: ticket.nextReplyAt ? dayjs(ticket.nextReplyAt) : null,
});

/** Form values → the PATCH body: only changed fields, with the version the form was opened on. */
export function editBody(ticket: Ticket, values: EditValues): UpdateTicketBody {
  const plain = (v: EditValues) => ({
    ...v,
    subject: v.subject.trim(),
    description: v.description.trim(),
    nextReplyAt: v.nextReplyAt ? v.nextReplyAt.toISOString() : null,
  });
  const original = plain(valuesOf(ticket));
  const edited = plain(values);
  // Compare the promised time to the minute, as the picker shows it.
  if (
    original.nextReplyAt &&
    edited.nextReplyAt &&
    dayjs(original.nextReplyAt).isSame(dayjs(edited.nextReplyAt), 'minute')
  ) {
    edited.nextReplyAt = original.nextReplyAt;
  }
  return { ...changedFields(original, edited), version: ticket.version };
}
