/** Text of call records (话务): customer-timeline entries and the ticket made from a call, in Chinese. */
export const callsZhCN = {
  'timeline.call.answered': '来电（{number}）：已接听',
  'timeline.call.abandoned': '来电（{number}）：客户排队时挂断',
  'timeline.call.missed': '来电（{number}）：未接通',
  'timeline.call.unresolved': '来电（{number}）：结果未知',
  'call.timeline.body': '等待 {wait} 秒 · 通话 {talk} 秒 · 坐席 {agent}',
  'call.ticket.subject': '来电：{queue} {number}',
  'call.ticket.description':
    '来电时间：{at}\n队列：{queue}\n主叫号码：{number}\n排队等待：{wait} 秒\n通话时长：{talk} 秒\n接听坐席：{agent}',
} as const;
