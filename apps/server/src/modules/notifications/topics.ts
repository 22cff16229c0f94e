import type { Channel } from '../../lib/channel-adapter.js';

/**
 * What kind of message a notification is. A topic says whom it is addressed to (`user`: a member
 * of staff, in-app plus the channels of their preferences; `customer`: e-mail or SMS to a customer,
 * where opt-out and quiet hours apply; `group`: a work-chat robot), the channels a user gets it by
 * when they chose nothing (in-app always), and sample values for the template preview.
 */
export type TopicDefinition = {
  audience: 'user' | 'customer' | 'group';
  /** For `user` topics: the channels used when the user has no preference (in-app always included). */
  defaultChannels: readonly Channel[];
  /** The channels a user may choose for it (`user` topics). */
  channels: readonly Channel[];
  /** Template variables with sample values (the preview). */
  sampleVars: Readonly<Record<string, string>>;
};

const USER_CHANNELS = ['in_app', 'email', 'sms'] as const;
const TICKET_SAMPLE = { ticketNumber: 'T20260101-0001', ticketSubject: '空调不制冷', agentName: '张三' };

function user(extra: Record<string, string> = {}, defaults: readonly Channel[] = ['in_app']): TopicDefinition {
  return {
    audience: 'user',
    defaultChannels: defaults,
    channels: USER_CHANNELS,
    sampleVars: { ...TICKET_SAMPLE, ...extra },
  };
}

export const TOPICS: Record<
  | 'general'
  | 'sla.warned'
  | 'sla.escalated'
  | 'complaint.major_reported'
  | 'ticket.assigned'
  | 'ticket.classified'
  | 'ticket.reply'
  | 'handover.successor'
  | 'handover.customer_notice'
  | 'survey.invitation'
  | 'customers.access_request'
  | 'calendars.next_year_missing'
  | 'measures.assigned'
  | 'webhooks.disabled'
  | 'notifications.dead_letter'
  | 'robots.test'
  | 'digest.daily',
  TopicDefinition
> = {
  general: user(),
  'sla.warned': user({ metric: '首次响应', percent: '80' }),
  'sla.escalated': user({ metric: '解决', level: '2' }, ['in_app', 'email']),
  'complaint.major_reported': user({ description: '客户投诉维修人员态度恶劣' }, ['in_app', 'email']),
  'ticket.assigned': user(),
  'ticket.classified': user(),
  'ticket.reply': {
    audience: 'customer',
    defaultChannels: [],
    channels: ['email', 'sms'],
    sampleVars: { ...TICKET_SAMPLE, customerName: '李四', nextReplyAt: '2026-01-02 10:00' },
  },
  'handover.successor': user({ previousContact: '王五' }),
  'handover.customer_notice': {
    audience: 'customer',
    defaultChannels: [],
    channels: ['email', 'sms'],
    sampleVars: { customerName: '李四', newContact: '张三', newContactPhone: '13800138000', previousContact: '王五' },
  },
  'survey.invitation': {
    audience: 'customer',
    defaultChannels: [],
    channels: ['email', 'sms'],
    sampleVars: {
      customerName: '李四',
      surveyName: '满意度回访',
      url: 'https://kefu.example.com/s/abc',
      expiresOn: '2026-01-15',
    },
  },
  'customers.access_request': user({ customerName: '李四', customerCode: 'C000123' }),
  'calendars.next_year_missing': user({ year: '2027' }),
  'measures.assigned': user({ title: '更换压缩机', dueDate: '2026-01-10' }),
  'webhooks.disabled': user({ url: 'https://example.com/hook' }),
  'notifications.dead_letter': user({ count: '3' }),
  'robots.test': { audience: 'group', defaultChannels: [], channels: ['robot'], sampleVars: { robotName: '客服群' } },
  'digest.daily': {
    audience: 'group',
    defaultChannels: [],
    channels: ['robot', 'email'],
    sampleVars: { date: '2026-01-01', openTickets: '42', breached: '3' },
  },
};

export type Topic = keyof typeof TOPICS;
export const TOPIC_NAMES = Object.keys(TOPICS) as Topic[];

export function isTopic(value: string): value is Topic {
  return Object.hasOwn(TOPICS, value);
}

/** A topic's definition; an unknown one (a row from a later release) reads as `general`. */
export function topicOf(name: string): TopicDefinition {
  return isTopic(name) ? TOPICS[name] : TOPICS.general;
}
