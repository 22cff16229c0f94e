import type { Locale } from '@kefu/shared';
import type { DeliveryChannel } from '../../../lib/channel-adapter.js';
import type { Topic } from '../topics.js';

export type TemplateText = { subject: string; body: string };

/** Every message not worded below: the catalog text as it is. */
export const GENERIC_TEMPLATE: TemplateText = { subject: '{{subject}}', body: '{{body}}' };

type Defaults = Partial<Record<Topic, Partial<Record<DeliveryChannel, Record<Locale, TemplateText>>>>>;

/**
 * The code's wording per topic × channel × language. `{{subject}}` and `{{body}}` are the message
 * as the catalog words it; the other variables come from the caller (topics.ts lists them with
 * sample values). An administrator's template (notification_templates) replaces one of these.
 */
export const DEFAULT_TEMPLATES: Defaults = {
  'ticket.reply': {
    email: {
      'zh-CN': {
        subject: '[#{{ticketNumber}}] {{subject}}',
        body: '{{customerName}}，您好：\n\n{{body}}\n\n{{agentName}}\n（回复本邮件即可继续沟通，请保留标题中的工单号。）',
      },
      en: {
        subject: '[#{{ticketNumber}}] {{subject}}',
        body: 'Dear {{customerName}},\n\n{{body}}\n\n{{agentName}}\n(Reply to this e-mail to continue; please keep the ticket number in the subject.)',
      },
    },
    sms: {
      'zh-CN': { subject: '', body: '{{customerName}}您好，您的工单{{ticketNumber}}有新回复：{{body}}' },
      en: { subject: '', body: 'Dear {{customerName}}, ticket {{ticketNumber}} has a new reply: {{body}}' },
    },
  },
  'handover.customer_notice': {
    email: {
      'zh-CN': { subject: '{{subject}}', body: '{{body}}' },
      en: { subject: '{{subject}}', body: '{{body}}' },
    },
    sms: { 'zh-CN': { subject: '', body: '{{body}}' }, en: { subject: '', body: '{{body}}' } },
  },
  'survey.invitation': {
    email: {
      'zh-CN': { subject: '{{surveyName}}', body: '{{body}}\n\n如链接无法点击，请复制到浏览器打开：{{url}}' },
      en: {
        subject: '{{surveyName}}',
        body: '{{body}}\n\nIf the link does not open, copy it into your browser: {{url}}',
      },
    },
    sms: { 'zh-CN': { subject: '', body: '{{body}}' }, en: { subject: '', body: '{{body}}' } },
  },
  'sla.escalated': {
    email: {
      'zh-CN': { subject: '【升级】{{subject}}', body: '{{body}}\n\n请登录客服系统处理工单 {{ticketNumber}}。' },
      en: { subject: '[Escalated] {{subject}}', body: '{{body}}\n\nPlease handle ticket {{ticketNumber}} in Kefu.' },
    },
    robot: {
      'zh-CN': { subject: '工单升级', body: '### {{subject}}\n{{body}}' },
      en: { subject: 'Ticket escalated', body: '### {{subject}}\n{{body}}' },
    },
  },
  'complaint.major_reported': {
    email: {
      'zh-CN': {
        subject: '【重大投诉】{{subject}}',
        body: '{{body}}\n\n请立即登录客服系统处理工单 {{ticketNumber}}。',
      },
      en: {
        subject: '[Major complaint] {{subject}}',
        body: '{{body}}\n\nPlease handle ticket {{ticketNumber}} in Kefu now.',
      },
    },
    robot: {
      'zh-CN': { subject: '重大投诉', body: '### {{subject}}\n{{body}}' },
      en: { subject: 'Major complaint', body: '### {{subject}}\n{{body}}' },
    },
  },
  'robots.test': {
    robot: {
      'zh-CN': { subject: '测试消息', body: '这是来自客服系统的测试消息（机器人：{{robotName}}）。' },
      en: { subject: 'Test message', body: 'This is a test message from Kefu (robot: {{robotName}}).' },
    },
  },
};

export function defaultTemplate(topic: string, channel: DeliveryChannel, locale: Locale): TemplateText {
  return DEFAULT_TEMPLATES[topic as Topic]?.[channel]?.[locale] ?? GENERIC_TEMPLATE;
}
