/**
 * Demo tickets (own texts): a month of a service hotline — consultations, repairs, suggestions and
 * complaints in every state, with the conversation, so the queues, the red complaints, the search
 * and the root-cause report show something on first start. Times are relative to the seed time.
 */
export type DemoMessage = { kind: 'inbound' | 'reply' | 'note'; by?: string; body: string; hoursAfter: number };

export type DemoTicket = {
  type: 'consultation' | 'complaint' | 'suggestion' | 'service' | 'other';
  channel: 'phone' | 'email' | 'wechat' | 'web' | 'walk_in' | 'api';
  priority: 'low' | 'normal' | 'high' | 'urgent';
  status: 'received' | 'classified' | 'investigating' | 'resolved' | 'feedback' | 'closed';
  customer?: string;
  contactName?: string;
  contactPhone?: string;
  department: string;
  assignee?: string;
  createdBy: string;
  /** Days before the seed time. */
  daysAgo: number;
  subject: string;
  description: string;
  tags?: string[];
  isMajor?: boolean;
  /** Hours from the seed time (negative: the promise has passed). */
  nextReplyInHours?: number;
  factsComplete?: boolean;
  resolution?: { process: string; result: string };
  feedback?: { satisfied: boolean | null; note: string };
  close?: { rootCause: string; cause: string; summary: string };
  measure?: { title: string; owner: string; dueInDays: number; status: 'open' | 'in_progress' | 'done' };
  messages?: DemoMessage[];
};

export const DEMO_TICKETS: DemoTicket[] = [
  {
    type: 'complaint',
    channel: 'phone',
    priority: 'urgent',
    status: 'investigating',
    customer: '北京佳禾物业管理有限公司',
    contactName: '物业前台',
    department: '热线组',
    assignee: 'wangfang',
    createdBy: 'wangfang',
    daysAgo: 1,
    subject: '小区电梯维保后反复停梯，业主集体投诉',
    description:
      '物业经理来电：上周我司完成电梯年度维保后，3号楼两部电梯三天内停梯四次，有老人被困二十分钟。业主已在业主群集体投诉，物业要求我司今天给出书面说明和整改方案，并派工程师驻场。',
    tags: ['电梯', '维保'],
    isMajor: true,
    nextReplyInHours: 3,
    factsComplete: true,
    messages: [
      {
        kind: 'reply',
        by: 'wangfang',
        body: '您好，非常抱歉给业主带来不便。我们已通知现场服务组，工程师一小时内到场排查，今天下午三点前给您回复书面说明。',
        hoursAfter: 0.3,
      },
      {
        kind: 'note',
        by: 'wangfang',
        body: '已电话报告李经理（重大投诉）。维保记录显示门机控制板更换过，怀疑批次问题。',
        hoursAfter: 0.5,
      },
    ],
  },
  {
    type: 'complaint',
    channel: 'wechat',
    priority: 'high',
    status: 'received',
    customer: '赵雅婷',
    department: '热线组',
    createdBy: 'liuyang',
    daysAgo: 0,
    subject: '婚纱照修片延期两次，客户要求退部分款项',
    description:
      '客户微信留言：九月拍摄的婚纱照原定十月底交片，已延期两次，至今没有看到精修样片。客户婚礼在下月初，担心来不及制作相册，要求本周内交片并退还部分费用。',
    tags: ['交付延误'],
    nextReplyInHours: -2,
  },
  {
    type: 'complaint',
    channel: 'phone',
    priority: 'normal',
    status: 'resolved',
    customer: '李晓',
    department: '热线组',
    assignee: 'chenchen',
    createdBy: 'chenchen',
    daysAgo: 6,
    subject: '维修师傅上门迟到且态度生硬',
    description:
      '客户来电：约好上午九点上门维修热水器，师傅十一点才到，没有提前告知；客户询问原因时师傅说“路上堵车我也没办法”，客户对服务态度很不满意。',
    tags: ['服务态度'],
    factsComplete: true,
    resolution: {
      process: '核实了派工记录和师傅的行车轨迹，确认未按约定时间到达且未提前告知；已由现场服务组主管向客户当面致歉。',
      result: '为客户免除本次上门费，赠送一次免费清洗服务；师傅本月参加服务规范复训。',
    },
  },
  {
    type: 'complaint',
    channel: 'email',
    priority: 'high',
    status: 'closed',
    customer: '上海华信医疗器械有限公司',
    department: '热线组',
    assignee: 'wangfang',
    createdBy: 'wangfang',
    daysAgo: 20,
    subject: '订单配件漏发，影响医院设备安装',
    description:
      '采购部邮件：订单 DD20261015 中的两套安装支架未随货发出，导致医院设备安装推迟两天，医院方已提出书面不满。要求说明原因、立即补发，并避免再次发生。',
    tags: ['配送'],
    factsComplete: true,
    resolution: {
      process: '查询出库单发现支架单独存放于另一库位，拣货时遗漏；已安排当日专车补发。',
      result: '支架次日上午送达医院，设备当天完成安装，客户确认无其他缺件。',
    },
    feedback: { satisfied: true, note: '采购部回复对处理速度满意，希望加强出库核对。' },
    close: {
      rootCause: 'delivery_delay',
      cause: '分库位存放的配件在拣货单上没有单独列出，出库前也没有逐项核对。',
      summary: '补发及时，客户满意；出库核对流程需改进。',
    },
    measure: {
      title: '出库单按库位拆分打印，出库前逐项扫码核对',
      owner: 'zhangwei',
      dueInDays: 10,
      status: 'in_progress',
    },
  },
  {
    type: 'complaint',
    channel: 'phone',
    priority: 'normal',
    status: 'closed',
    customer: '成都锦程旅行社有限公司',
    department: '热线组',
    assignee: 'liuyang',
    createdBy: 'liuyang',
    daysAgo: 27,
    subject: '账单重复扣费',
    description: '财务来电：十月服务费被重复扣款一次，金额 3,600 元，要求尽快退回并出具说明。',
    tags: ['账单'],
    factsComplete: true,
    resolution: {
      process: '与财务部核对扣款流水，确认系统重试导致重复扣款。',
      result: '三个工作日内原路退回 3,600 元，并出具加盖公章的情况说明。',
    },
    feedback: { satisfied: true, note: '客户已收到退款。' },
    close: {
      rootCause: 'billing',
      cause: '扣款接口超时后自动重试，未先查询上一笔结果。',
      summary: '退款完成；请技术部修复重试逻辑。',
    },
    measure: { title: '扣款重试前先查询上一笔交易状态', owner: 'lijing', dueInDays: -3, status: 'done' },
  },
  {
    type: 'service',
    channel: 'phone',
    priority: 'high',
    status: 'investigating',
    customer: '西安秦岭健康体检中心',
    department: '现场服务组',
    assignee: 'zhenghao',
    createdBy: 'wangfang',
    daysAgo: 2,
    subject: '体检中心中央空调不制冷',
    description: '体检中心来电：二楼检查区中央空调从昨天起不制冷，室温超过 28 度，影响体检客户，请尽快派人检修。',
    tags: ['空调', '报修'],
    messages: [
      { kind: 'note', by: 'zhenghao', body: '现场检测：冷媒压力偏低，疑似铜管焊点渗漏，已申请配件。', hoursAfter: 20 },
      {
        kind: 'reply',
        by: 'zhenghao',
        body: '您好，检测发现冷媒泄漏，配件明天上午到货后立即更换，预计中午前恢复制冷。',
        hoursAfter: 21,
      },
    ],
  },
  {
    type: 'service',
    channel: 'web',
    priority: 'normal',
    status: 'classified',
    customer: '苏州工业园区康宁医院',
    department: '现场服务组',
    createdBy: 'malin',
    daysAgo: 1,
    subject: '门诊叫号屏幕黑屏报修',
    description: '医院信息科通过网页报修：门诊三楼叫号屏开机后黑屏，指示灯正常，已尝试重启无效。',
    tags: ['报修'],
  },
  {
    type: 'consultation',
    channel: 'phone',
    priority: 'low',
    status: 'closed',
    customer: '张明（新人）',
    department: '热线组',
    assignee: 'wangfang',
    createdBy: 'wangfang',
    daysAgo: 4,
    subject: '咨询婚纱照套餐包含的精修张数',
    description: '客户来电询问已预订的婚纱照套餐包含多少张精修、能否加选以及加选价格。',
    resolution: { process: '查询了客户的套餐合同。', result: '套餐含精修 40 张，加选每张 50 元，选片时可当场确认。' },
  },
  {
    type: 'consultation',
    channel: 'wechat',
    priority: 'normal',
    status: 'received',
    customer: '钱伟（个人会员）',
    department: '热线组',
    createdBy: 'chenchen',
    daysAgo: 0,
    subject: '会员积分能否抵扣上门服务费',
    description: '客户微信咨询：会员积分能否用来抵扣空调清洗的上门服务费，抵扣比例是多少。',
  },
  {
    type: 'suggestion',
    channel: 'email',
    priority: 'low',
    status: 'feedback',
    customer: '杭州明远广告传媒有限公司',
    department: '热线组',
    assignee: 'liuyang',
    createdBy: 'liuyang',
    daysAgo: 9,
    subject: '建议开通夜间与周末的在线客服',
    description:
      '客户邮件建议：广告投放常在晚上和周末出问题，希望开通夜间及周末在线客服，至少能登记问题并告知处理时间。',
    resolution: {
      process: '建议已提交客户服务中心例会讨论。',
      result: '下月起试行周末在线值班（9:00–18:00），夜间可在网页留言，次日 10 点前回复。',
    },
    feedback: { satisfied: true, note: '客户认可试行方案。' },
  },
  {
    type: 'service',
    channel: 'phone',
    priority: 'normal',
    status: 'resolved',
    contactName: '孙先生',
    contactPhone: '13911112222',
    department: '现场服务组',
    assignee: 'fenglei',
    createdBy: 'liuyang',
    daysAgo: 3,
    subject: '洗衣机脱水时异响严重',
    description: '来电客户（非会员）反映滚筒洗衣机脱水时有很大的撞击声，机身晃动，担心损坏地板。',
    tags: ['报修'],
    resolution: { process: '上门检查发现运输螺栓未拆除。', result: '已拆除运输螺栓并调平机身，试机正常。' },
  },
  {
    type: 'complaint',
    channel: 'walk_in',
    priority: 'high',
    status: 'feedback',
    customer: '广州喜临门婚纱摄影有限公司',
    department: '热线组',
    assignee: 'chenchen',
    createdBy: 'malin',
    daysAgo: 12,
    subject: '样片被误发给其他客户',
    description:
      '客户到店投诉：收到的选片链接里有其他新人的照片，担心自己的照片也被发给了别人，要求说明情况并删除链接。',
    tags: ['隐私'],
    factsComplete: true,
    resolution: {
      process: '核查发现相册系统批量生成链接时关联错误，已立即关闭全部受影响链接并逐一联系相关客户。',
      result: '重新生成独立加密链接；确认客户照片未被他人下载；书面致歉。',
    },
    feedback: { satisfied: false, note: '客户接受处理，但要求今后的选片链接增加提取码。' },
  },
  // The home page's figures (issue 14): 王芳 has an overdue and a due-today ticket, 张伟's team an
  // unassigned one, and complaints came in and were closed this month and last month.
  {
    type: 'consultation',
    channel: 'phone',
    priority: 'normal',
    status: 'classified',
    customer: '北京佳禾物业管理有限公司',
    department: '热线组',
    assignee: 'wangfang',
    createdBy: 'wangfang',
    daysAgo: 1,
    subject: '咨询电梯年检报告的出具时间',
    description: '物业前台来电：市场监管部门下周检查，需要我司出具今年的电梯年检报告，询问何时能拿到。',
    nextReplyInHours: -1,
  },
  {
    type: 'service',
    channel: 'phone',
    priority: 'high',
    status: 'received',
    customer: '上海华信医疗器械有限公司',
    department: '热线组',
    assignee: 'wangfang',
    createdBy: 'wangfang',
    daysAgo: 0,
    subject: '补发的安装支架需要上门确认型号',
    description: '采购部来电：补发的支架与设备型号是否匹配需要工程师上门确认，希望今天内约定时间。',
    tags: ['报修'],
    nextReplyInHours: 1.5,
    messages: [
      { kind: 'reply', by: 'wangfang', body: '已收到，正在与现场服务组确认工程师时间，稍后回复您。', hoursAfter: 0.2 },
    ],
  },
  {
    type: 'suggestion',
    channel: 'web',
    priority: 'low',
    status: 'received',
    customer: '杭州明远广告传媒有限公司',
    department: '热线组',
    createdBy: 'malin',
    daysAgo: 0,
    subject: '建议在官网公布服务时限承诺',
    description: '客户网页留言：希望在官网公布各类问题的响应和解决时限，方便安排内部工作。',
  },
  {
    type: 'complaint',
    channel: 'phone',
    priority: 'normal',
    status: 'closed',
    customer: '成都锦程旅行社有限公司',
    department: '热线组',
    assignee: 'liuyang',
    createdBy: 'liuyang',
    daysAgo: 4,
    subject: '客服电话长时间无人接听',
    description: '客户来电投诉：上午连续拨打热线二十分钟无人接听，语音提示一直排队，耽误了出团安排。',
    tags: ['接通率'],
    factsComplete: true,
    resolution: {
      process: '核查话务记录，确认当日上午坐席排班不足且未开启溢出转接。',
      result: '向客户致歉并当场处理了出团咨询；已调整早高峰排班。',
    },
    feedback: { satisfied: true, note: '客户接受致歉。' },
    close: {
      rootCause: 'service_attitude',
      cause: '早高峰排班不足，排队超过 5 分钟时没有转接或回拨。',
      summary: '已调整排班；增加排队回拨功能。',
    },
    measure: { title: '早高峰增加两名坐席并开启排队回拨', owner: 'zhangwei', dueInDays: -2, status: 'open' },
  },
  {
    type: 'complaint',
    channel: 'email',
    priority: 'high',
    status: 'closed',
    customer: '上海华信医疗器械有限公司',
    department: '热线组',
    assignee: 'chenchen',
    createdBy: 'chenchen',
    daysAgo: 38,
    subject: '发票抬头错误，无法报销',
    description: '财务邮件：上月开具的发票抬头少了“有限公司”四字，无法入账，要求重开。',
    tags: ['账单'],
    factsComplete: true,
    resolution: { process: '核对开票信息，确认录入错误。', result: '作废原发票并重开，快递寄出。' },
    feedback: { satisfied: true, note: '客户已收到新发票。' },
    close: { rootCause: 'billing', cause: '开票信息手工录入，未与合同核对。', summary: '已重开发票。' },
  },
  {
    type: 'complaint',
    channel: 'wechat',
    priority: 'normal',
    status: 'closed',
    customer: '赵雅婷',
    department: '热线组',
    assignee: 'wangfang',
    createdBy: 'wangfang',
    daysAgo: 45,
    subject: '预约拍摄时间被临时取消',
    description: '客户微信投诉：预约的外景拍摄在前一天被临时取消，没有给出理由。',
    tags: ['交付延误'],
    factsComplete: true,
    resolution: { process: '核实为摄影师排期冲突。', result: '重新安排拍摄并赠送一组精修。' },
    feedback: { satisfied: true, note: '客户满意。' },
    close: { rootCause: 'delivery_delay', cause: '排期系统未锁定已确认的档期。', summary: '已修复排期锁定。' },
  },
];
