/**
 * Starter service standards: the standard phrase library (常用服务用语), the forbidden-phrase list
 * (服务忌语, "never say … / say instead …") and demo canned replies. Administrators edit all of
 * it afterwards; the seed only runs once per database.
 */

export type StarterServicePhrase = { category: string; text: string; textEn: string };
export type StarterForbiddenPhrase = {
  phrase: string;
  alternative: string;
  category: string;
  severity: 'low' | 'medium' | 'high';
  exceptions?: string[];
};
export type StarterCannedReply = { title: string; body: string; category: string };

export const STARTER_SERVICE_PHRASES: StarterServicePhrase[] = [
  {
    category: '问候',
    text: '您好，很高兴为您服务，请问有什么可以帮您？',
    textEn: 'Hello, happy to help. What can I do for you?',
  },
  {
    category: '问候',
    text: '您好，我是客服专员，请问您怎么称呼？',
    textEn: 'Hello, this is customer service. May I have your name?',
  },
  { category: '问候', text: '您好，请您讲，我正在听。', textEn: 'Hello, please go ahead, I am listening.' },
  {
    category: '问候',
    text: '感谢您再次联系我们，上次的问题现在处理得怎么样了？',
    textEn: 'Thank you for contacting us again. How is the earlier issue now?',
  },
  {
    category: '问候',
    text: '早上好，请问有什么需要我协助的吗？',
    textEn: 'Good morning, is there anything I can help you with?',
  },
  { category: '致歉', text: '非常抱歉给您带来不便。', textEn: 'We are very sorry for the inconvenience.' },
  { category: '致歉', text: '对不起，让您久等了。', textEn: 'Sorry to have kept you waiting.' },
  {
    category: '致歉',
    text: '这是我们工作上的疏忽，请您谅解，我们马上改正。',
    textEn: 'This was our oversight; please accept our apologies, we are correcting it now.',
  },
  {
    category: '致歉',
    text: '抱歉刚才没有解释清楚，我再为您说明一次。',
    textEn: 'Sorry I was not clear just now; let me explain again.',
  },
  {
    category: '致歉',
    text: '很抱歉没能一次帮您解决问题。',
    textEn: 'I am sorry we could not solve this for you the first time.',
  },
  {
    category: '安抚',
    text: '您的心情我完全理解，换作是我也会着急。',
    textEn: 'I completely understand how you feel; I would be worried too.',
  },
  {
    category: '安抚',
    text: '请您放心，这件事我会负责跟进到底。',
    textEn: 'Rest assured, I will follow this through personally.',
  },
  {
    category: '安抚',
    text: '您反映的情况非常重要，我已经详细记录下来了。',
    textEn: 'What you have told us is important, and I have recorded it in detail.',
  },
  {
    category: '安抚',
    text: '别着急，我们一起把问题理清楚。',
    textEn: 'Please don’t worry, let’s sort this out together.',
  },
  {
    category: '安抚',
    text: '感谢您的耐心，我们正在全力处理。',
    textEn: 'Thank you for your patience; we are doing everything we can.',
  },
  {
    category: '确认',
    text: '为了准确处理，我和您核对一下信息，好吗？',
    textEn: 'To get this right, may I confirm a few details with you?',
  },
  {
    category: '确认',
    text: '请问您说的是这个意思吗？我复述一遍，您看对不对。',
    textEn: 'Let me repeat what I understood; please tell me if it is right.',
  },
  {
    category: '确认',
    text: '请您留一个方便联系的电话，有结果我们第一时间通知您。',
    textEn: 'Please leave a phone number; we will call you as soon as we have a result.',
  },
  {
    category: '确认',
    text: '请问您方便的回访时间是什么时候？',
    textEn: 'When would be a convenient time for us to call you back?',
  },
  { category: '等待', text: '请您稍等，我马上为您查询。', textEn: 'One moment please, I will look it up right away.' },
  {
    category: '等待',
    text: '查询需要一点时间，请您稍候片刻。',
    textEn: 'This will take a moment; thank you for waiting.',
  },
  {
    category: '等待',
    text: '谢谢您的等待，查询结果已经出来了。',
    textEn: 'Thank you for waiting; I have the result now.',
  },
  { category: '感谢', text: '谢谢您的配合。', textEn: 'Thank you for your cooperation.' },
  {
    category: '感谢',
    text: '感谢您提出的宝贵意见，我们会认真改进。',
    textEn: 'Thank you for your valuable feedback; we will act on it.',
  },
  { category: '感谢', text: '谢谢您对我们工作的理解和支持。', textEn: 'Thank you for your understanding and support.' },
  { category: '结束语', text: '请问还有其他需要我帮助的吗？', textEn: 'Is there anything else I can help you with?' },
  {
    category: '结束语',
    text: '感谢您的来电，祝您生活愉快，再见！',
    textEn: 'Thank you for calling, have a nice day. Goodbye!',
  },
  {
    category: '结束语',
    text: '如果还有疑问，欢迎随时联系我们。',
    textEn: 'If you have any other questions, please contact us at any time.',
  },
  {
    category: '结束语',
    text: '处理结果我们会按约定时间告知您，请您保持电话畅通。',
    textEn: 'We will tell you the result at the agreed time; please keep your phone available.',
  },
];

export const STARTER_FORBIDDEN_PHRASES: StarterForbiddenPhrase[] = [
  // 推诿：把客户推给别人或推给"规定"
  {
    phrase: '这不归我管',
    alternative: '这项业务由专门的同事负责，我马上帮您联系，并跟进到有结果为止。',
    category: '推诿',
    severity: 'high',
  },
  {
    phrase: '不归我们管',
    alternative: '这件事需要其他单位协助，我先帮您联系，处理进度我会告诉您。',
    category: '推诿',
    severity: 'high',
  },
  {
    phrase: '我管不了',
    alternative: '这个问题需要其他部门一起处理，我现在就帮您转交并跟进。',
    category: '推诿',
    severity: 'high',
  },
  {
    phrase: '你问别人去',
    alternative: '这个问题我帮您找到负责的同事确认，再回复您。',
    category: '推诿',
    severity: 'high',
  },
  {
    phrase: '你去找别的部门',
    alternative: '我来帮您联系负责的部门，后续由我跟进，您不用再跑一趟。',
    category: '推诿',
    severity: 'medium',
  },
  {
    phrase: '刚才不是我接的',
    alternative: '非常抱歉给您带来不便，请您把情况告诉我，我来为您处理。',
    category: '推诿',
    severity: 'medium',
  },
  {
    phrase: '不是我们的问题',
    alternative: '我们一起来查找原因，我先核实一下具体情况。',
    category: '推诿',
    severity: 'medium',
  },
  {
    phrase: '这是公司规定',
    alternative: '这项规定是为了保障大家的权益，我为您说明一下原因，也看看有没有其他办法。',
    category: '推诿',
    severity: 'low',
  },
  {
    phrase: '过两天再打',
    alternative: '我们会在约定时间内给您明确答复，并主动联系您。',
    category: '推诿',
    severity: 'medium',
  },
  // 敷衍：不查就答"不知道""没办法"
  {
    phrase: '不知道',
    alternative: '请您稍等，我马上为您查询确认。',
    category: '敷衍',
    severity: 'medium',
    exceptions: ['不知道您', '您不知道', '不知道是否', '不知道方不方便'],
  },
  {
    phrase: '我也不知道',
    alternative: '这个情况我需要再确认一下，查清楚后马上回复您。',
    category: '敷衍',
    severity: 'medium',
  },
  { phrase: '我不清楚', alternative: '请您稍等，我确认清楚后马上回复您。', category: '敷衍', severity: 'low' },
  {
    phrase: '没办法',
    alternative: '我们一起想想其他解决办法，我先把您的情况反映给负责人。',
    category: '敷衍',
    severity: 'medium',
    exceptions: ['没办法及时'],
  },
  {
    phrase: '我也没办法',
    alternative: '目前的方式确实有限制，我再帮您争取一下，看看还有什么办法。',
    category: '敷衍',
    severity: 'medium',
  },
  { phrase: '不可能', alternative: '我理解您的疑问，我马上为您核实具体情况。', category: '敷衍', severity: 'medium' },
  { phrase: '等着吧', alternative: '请您稍候，处理一有进展我会第一时间告诉您。', category: '敷衍', severity: 'medium' },
  {
    phrase: '我们下班了',
    alternative: '现在已过服务时间，我先为您登记，明天上班后第一时间联系您。',
    category: '敷衍',
    severity: 'high',
  },
  {
    phrase: '已经下班了',
    alternative: '负责的同事今天已经离开，我先为您记录，明天一早请他回复您。',
    category: '敷衍',
    severity: 'medium',
  },
  { phrase: '我很忙', alternative: '让您久等了，我现在专门为您处理。', category: '敷衍', severity: 'medium' },
  {
    phrase: '没空',
    alternative: '我正在处理手上的事情，稍后一定给您回电，您看几点方便？',
    category: '敷衍',
    severity: 'low',
    exceptions: ['您没空', '如果没空', '没空调', '没空间'],
  },
  { phrase: '没事了吧', alternative: '请问还有其他需要我帮助的吗？', category: '敷衍', severity: 'medium' },
  { phrase: '你挂电话吧', alternative: '感谢您的来电，如有需要欢迎随时联系我们。', category: '敷衍', severity: 'high' },
  // 指责：把问题归到客户身上
  {
    phrase: '你自己看说明书',
    alternative: '我来一步步为您说明操作方法，您看这样可以吗？',
    category: '指责',
    severity: 'high',
  },
  {
    phrase: '你自己去看',
    alternative: '我把具体步骤发给您，有不明白的地方随时问我。',
    category: '指责',
    severity: 'medium',
  },
  {
    phrase: '那是你自己的问题',
    alternative: '我帮您看看问题出在哪里，尽快为您解决。',
    category: '指责',
    severity: 'high',
  },
  {
    phrase: '你怎么不早说',
    alternative: '谢谢您告诉我这些情况，我马上根据这些信息为您处理。',
    category: '指责',
    severity: 'medium',
  },
  {
    phrase: '你说错了',
    alternative: '可能是我没有理解清楚，您能再详细说一下吗？',
    category: '指责',
    severity: 'medium',
  },
  { phrase: '这么简单都不会', alternative: '这个操作我来为您演示一遍，很快就好。', category: '指责', severity: 'high' },
  { phrase: '我已经说过了', alternative: '我再为您完整地解释一遍。', category: '指责', severity: 'medium' },
  // 不耐烦：质问、催促、顶撞
  {
    phrase: '你听清楚了没有',
    alternative: '刚才的内容我再为您重复一遍，您看还有哪里需要我说明的吗？',
    category: '不耐烦',
    severity: 'high',
  },
  {
    phrase: '听不懂吗',
    alternative: '可能是我没有解释清楚，我换个方式再为您说明。',
    category: '不耐烦',
    severity: 'high',
  },
  { phrase: '急什么', alternative: '我理解您很着急，我会尽快为您处理。', category: '不耐烦', severity: 'high' },
  { phrase: '别催了', alternative: '让您久等了，非常抱歉，我正在加紧处理。', category: '不耐烦', severity: 'high' },
  {
    phrase: '你到底想怎么样',
    alternative: '请问您希望我们怎么处理？我会尽力满足您的要求。',
    category: '不耐烦',
    severity: 'high',
  },
  {
    phrase: '你怎么这么多问题',
    alternative: '您的问题我都记下来了，我们一项一项来处理。',
    category: '不耐烦',
    severity: 'high',
  },
  { phrase: '烦不烦', alternative: '感谢您的耐心，我们继续把问题处理好。', category: '不耐烦', severity: 'high' },
  {
    phrase: '随便你',
    alternative: '您可以根据自己的情况选择，我把几种方案的区别为您说明一下。',
    category: '不耐烦',
    severity: 'medium',
  },
  {
    phrase: '有意见你去投诉',
    alternative: '非常抱歉给您带来不好的体验，您的意见我会如实记录并反馈给主管。',
    category: '不耐烦',
    severity: 'high',
  },
  {
    phrase: '爱买不买',
    alternative: '您可以再考虑一下，有任何疑问随时联系我们。',
    category: '不耐烦',
    severity: 'high',
  },
  {
    phrase: '找领导也没用',
    alternative: '如果您需要，我可以请我们的主管直接与您联系。',
    category: '不耐烦',
    severity: 'high',
  },
  {
    phrase: '我们一直都是这样',
    alternative: '谢谢您的建议，我会把您的意见反馈给相关部门改进。',
    category: '不耐烦',
    severity: 'medium',
  },
  // 不专业：暴露经验不足
  { phrase: '我是新来的', alternative: '请您稍等，我马上为您确认清楚。', category: '不专业', severity: 'low' },
  { phrase: '我是新手', alternative: '请您稍等片刻，我核实后给您准确的答复。', category: '不专业', severity: 'low' },
];

export const DEMO_CANNED_REPLIES: StarterCannedReply[] = [
  {
    title: '受理确认',
    category: '受理',
    body: '{customerName}您好，您反映的问题已登记，工单号为 {ticketNumber}。我们将在 {nextReplyAt} 前给您答复，如有新情况请随时联系我。——{agentName}',
  },
  {
    title: '需要补充信息',
    category: '受理',
    body: '{contactName}您好，为了尽快处理工单 {ticketNumber}，还需要您提供设备型号、购买日期和故障照片，收到后我们马上跟进。',
  },
  {
    title: '转交相关部门',
    category: '处理中',
    body: '{customerName}您好，您的问题需要{department}协助处理，我已转交并会全程跟进，预计 {nextReplyAt} 前给您进展。',
  },
  {
    title: '处理进度告知',
    category: '处理中',
    body: '{contactName}您好，工单 {ticketNumber} 目前正在处理中，下一次进展我们会在 {nextReplyAt} 前告知您，感谢您的耐心等待。',
  },
  {
    title: '延期致歉',
    category: '处理中',
    body: '{customerName}您好，非常抱歉，工单 {ticketNumber} 的处理需要比预计更长的时间。我们已加派人手，新的答复时间为 {nextReplyAt}。',
  },
  {
    title: '上门服务预约',
    category: '现场服务',
    body: '{contactName}您好，我们的服务工程师将与您联系预约上门时间，请您保持电话畅通。如需改期，请回复本消息或致电客服。',
  },
  {
    title: '问题已解决',
    category: '结案',
    body: '{contactName}您好，工单 {ticketNumber} 的问题已处理完毕。请您确认使用是否正常，如仍有问题，直接回复即可，我们会继续跟进。——{agentName}',
  },
  {
    title: '投诉受理',
    category: '投诉',
    body: '{customerName}您好，非常抱歉给您带来不好的体验。您的投诉已登记（工单号 {ticketNumber}），主管会在 {nextReplyAt} 前与您联系，给您明确的处理意见。',
  },
  {
    title: '满意度回访邀请',
    category: '回访',
    body: '{contactName}您好，感谢您对我们工作的支持。为了改进服务，想请您对本次处理（工单 {ticketNumber}）做个简单评价，您的意见对我们非常重要。',
  },
];
