import type { callbacksWorkZhCN } from './callbacks-work.zh-CN.js';

/** Text of working callbacks: statuses, sources, the complaint ticket, low-score follow-ups, in English. */
export const callbacksWorkEn: Record<keyof typeof callbacksWorkZhCN, string> = {
  'label.callback_status.pending': 'To call',
  'label.callback_status.done': 'Done',
  'label.callback_status.unreached': 'Unreached',
  'label.callback_status.cancelled': 'Cancelled',
  'label.callback_source.milestone': 'Milestone',
  'label.callback_source.ticket': 'Closed ticket',
  'label.callback_source.field_visit': 'Field visit',
  'label.callback_source.low_score': 'Low-score follow-up',
  'label.callback_source.campaign': 'Campaign',
  'label.callback_source.call': 'Abandoned call',
  'label.callback_channel.call': 'Call',
  'label.callback_channel.sms': 'SMS',
  'label.callback_channel.wechat': 'WeChat',
  'history.note.from_callback': 'Opened from a callback complaint',
  'callback.complaint.subject': 'Complaint in a callback: {customer}',
  'callback.complaint.description':
    'The customer expressed dissatisfaction in a callback.\nPurpose of the callback: {purpose}\nSatisfaction: {satisfaction}/5\nCustomer’s opinion: {opinion}\nCalled by: {specialist}',
  'callback.low_score.purpose': 'Low-score follow-up: find out why the customer was dissatisfied',
  'callback.abandoned_call.purpose': 'Call back an abandoned call: the customer hung up while waiting in the queue',
  'callback.low_score.script':
    'Hello, this is the customer care team of {company}. You gave us a low score in our satisfaction survey; could you tell us what went wrong? We want to put it right.',
  'timeline.callback.unreached': 'Callback: customer not reached today',
  'timeline.callback.completed': 'Callback done',
  'callback.default_script':
    'Hello, this is the customer care team of {company}. May I take a minute to ask how you found our service?',
  'callback.company': 'our service centre',
};
