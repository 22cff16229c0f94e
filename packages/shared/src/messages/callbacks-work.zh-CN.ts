/** Text of working callbacks (回访): statuses, sources, the complaint ticket, low-score follow-ups, in Chinese. */
export const callbacksWorkZhCN = {
  'label.callback_status.pending': '待回访',
  'label.callback_status.done': '已完成',
  'label.callback_status.unreached': '未联系上',
  'label.callback_status.cancelled': '已取消',
  'label.callback_source.milestone': '节点回访',
  'label.callback_source.ticket': '工单回访',
  'label.callback_source.field_visit': '上门服务回访',
  'label.callback_source.low_score': '低分跟进',
  'label.callback_source.campaign': '回访活动',
  'label.callback_source.call': '未接来电回拨',
  'label.callback_channel.call': '电话',
  'label.callback_channel.sms': '短信',
  'label.callback_channel.wechat': '微信',
  'history.note.from_callback': '由回访投诉创建',
  'callback.complaint.subject': '回访投诉：{customer}',
  'callback.complaint.description':
    '回访中客户表达不满。\n回访目的：{purpose}\n满意度：{satisfaction}/5\n客户意见：{opinion}\n回访人：{specialist}',
  'callback.low_score.purpose': '低分跟进：了解客户不满意的原因',
  'callback.abandoned_call.purpose': '回拨未接来电：客户来电排队时挂断，请尽快回拨',
  'callback.low_score.script':
    '您好，我是{company}的回访专员。看到您在满意度调查中给了较低的评分，想了解一下是哪里让您不满意，我们会认真改进。方便说几句吗？',
  'timeline.callback.unreached': '回访未联系上',
  'timeline.callback.completed': '回访完成',
  'callback.default_script': '您好，我是{company}的回访专员，想占用您一分钟了解一下您对我们服务的感受。',
  'callback.company': '客服中心',
};
