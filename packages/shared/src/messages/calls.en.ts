import type { callsZhCN } from './calls.zh-CN.js';

/** Text of call records: customer-timeline entries and the ticket made from a call, in English. */
export const callsEn: Record<keyof typeof callsZhCN, string> = {
  'timeline.call.answered': 'Call ({number}): answered',
  'timeline.call.abandoned': 'Call ({number}): caller hung up while waiting',
  'timeline.call.missed': 'Call ({number}): not answered',
  'timeline.call.unresolved': 'Call ({number}): outcome unknown',
  'call.timeline.body': 'Waited {wait} s · talked {talk} s · agent {agent}',
  'call.ticket.subject': 'Call: {queue} {number}',
  'call.ticket.description':
    'Called at: {at}\nQueue: {queue}\nCaller number: {number}\nWaited in the queue: {wait} s\nTalk time: {talk} s\nAnswered by: {agent}',
};
