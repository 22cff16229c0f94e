/**
 * Generated Chinese ticket texts for the tickets benchmark: a pool of subjects and descriptions
 * (appliance repair, installation, delivery, billing, complaints about attitude and broken
 * promises, consultations, suggestions) and a pool of follow-up messages. Deterministic: the same
 * pool on every run. Descriptions are 50–300 characters, built sentence by sentence from the
 * type's templates with products, models, places, amounts and phone numbers filled in.
 */

export type PoolText = { typeKey: string; subject: string; description: string };
export type PoolMessage = { kind: 'inbound' | 'reply' | 'note'; body: string };

/** Ticket types by share of tickets (per cent; ~15 % complaints). */
export const TYPE_SHARES: [typeKey: string, share: number][] = [
  ['service', 42],
  ['consultation', 33],
  ['complaint', 15],
  ['suggestion', 5],
  ['other', 5],
];

export function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
const pick = <T>(r: Random, values: readonly T[]): T => values[Math.floor(r() * values.length)] as T;
/** Skewed towards the first values (exponent > 1: the first ones much more often). */
const pickSkewed = <T>(r: Random, values: readonly T[], exponent = 1.8): T =>
  values[Math.floor(r() ** exponent * values.length)] as T;
const int = (r: Random, min: number, max: number) => min + Math.floor(r() * (max - min + 1));

// 空调 first: the most common product (and the "common word" of the search scenarios).
const PRODUCTS = [
  '空调',
  '冰箱',
  '洗衣机',
  '热水器',
  '电视',
  '油烟机',
  '燃气灶',
  '净水器',
  '洗碗机',
  '微波炉',
  '扫地机器人',
  '空气净化器',
  '电饭煲',
  '烤箱',
  '除湿机',
  '壁挂炉',
  '新风系统',
  '干衣机',
];
const MODEL_PREFIX = ['KFR', 'BCD', 'XQG', 'JSQ', 'CXW', 'JZT', 'MRO', 'WQP', 'HX', 'KJ', 'ZK', 'QX'];
const PROBLEMS = [
  '不制冷',
  '漏水',
  '噪音很大',
  '无法开机',
  '显示屏不亮',
  '遥控器失灵',
  '不加热',
  '有异味',
  '频繁跳闸',
  '排水不畅',
  '门关不严',
  '外机震动厉害',
  '出风口滴水',
  '不出热水',
  '自动断电',
  '指示灯一直闪烁',
  '启动后马上停机',
  '结冰严重',
];
const PARTS = ['电源板', '压缩机', '温控器', '排水泵', '门封条', '电机', '滤网', '传感器', '主板', '风扇'];
const CITIES = ['上海', '北京', '广州', '深圳', '杭州', '南京', '苏州', '成都', '武汉', '西安', '长沙', '青岛'];
const DISTRICTS = [
  '浦东新区',
  '闵行区',
  '朝阳区',
  '海淀区',
  '天河区',
  '南山区',
  '西湖区',
  '鼓楼区',
  '武侯区',
  '江汉区',
];
const COMMUNITIES = [
  '阳光花园',
  '翠湖天地',
  '金色家园',
  '锦绣华庭',
  '碧水湾',
  '世纪新城',
  '枫林苑',
  '东方明珠苑',
  '绿城桂花园',
  '万科城市花园',
  '保利香槟国际',
  '龙湖春江郦城',
  '紫薇花园',
  '滨江一号',
  '和平里小区',
  '幸福家园',
  '梧桐苑',
  '翡翠城',
  '银杏苑',
  '学府雅苑',
];
const STORES = ['京东旗舰店', '天猫旗舰店', '苏宁门店', '国美门店', '品牌专卖店', '拼多多店铺', '线下体验店'];
const TIMES = ['工作日晚上七点以后', '周末全天', '上午九点到十二点', '下午两点以后', '随时'];
const STAFF = ['维修师傅', '安装师傅', '配送员', '客服人员', '网点主管'];
const BEHAVIOURS = [
  '说话很不耐烦，还当着客户的面抽烟',
  '迟到两个多小时也没有提前打电话',
  '没穿鞋套就进屋，弄脏了地板',
  '态度恶劣，与客户发生争吵',
  '没有检查就说是客户使用不当',
  '拒绝出示收费标准，坚持收现金',
  '干完活没有清理现场就走了',
];
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾';

const phone = (r: Random) => `1${int(r, 3, 9)}${String(Math.floor(r() * 1e9)).padStart(9, '0')}`;
const model = (r: Random) => `${pick(r, MODEL_PREFIX)}-${int(r, 20, 120)}${pick(r, ['GW', 'WD', 'L', 'B', 'S', 'A'])}`;
const order = (r: Random) => `${int(r, 2023, 2025)}${String(Math.floor(r() * 1e10)).padStart(10, '0')}`;
const money = (r: Random) => pick(r, [30, 50, 80, 120, 150, 200, 260, 300, 450, 680, 1200]);

type Slots = { product: string; problem: string; city: string; district: string; community: string };
type Template = (r: Random, s: Slots) => string;

/** Sentences any ticket may carry. */
const COMMON: Template[] = [
  (r) => `客户联系电话${phone(r)}，${pick(r, TIMES)}方便接听。`,
  (r) => `来电时间${int(r, 8, 21)}点${int(r, 10, 59)}分，通话约${int(r, 2, 25)}分钟。`,
  () => '客户要求处理结果以短信方式通知。',
  () => '已核实客户身份及购买记录，信息无误。',
  (r) => `客户为老客户，此前有${int(r, 1, 9)}次服务记录。`,
  (_r, s) => `客户地址：${s.city}${s.district}${s.community}。`,
  (r) =>
    `客户姓${pick(r, [...SURNAMES])}，${pick(r, ['先生', '女士'])}，来电语气${pick(r, ['平和', '焦急', '不满', '比较激动'])}。`,
];

const SERVICE: { subjects: Template[]; sentences: Template[] } = {
  subjects: [
    (_r, s) => `${s.product}${s.problem}`,
    (_r, s) => `${s.product}${s.problem}，要求上门维修`,
    (_r, s) => `报修：${s.product}${s.problem}`,
    (r, s) => `${s.product}使用${int(r, 2, 30)}个月后${s.problem}`,
    (_r, s) => `${s.product}预约安装`,
    (_r, s) => `${s.product}移机及重新安装`,
    (_r, s) => `${s.community}业主报修${s.product}`,
  ],
  sentences: [
    (r, s) =>
      `客户来电反映家中${s.product}（型号${model(r)}）${s.problem}，${pick(r, ['昨天', '三天前', '上周', '今天早上'])}开始出现。`,
    (r) => `客户称${int(r, 1, 24)}个月前在${pick(r, STORES)}购买，目前仍在保修期内，要求尽快安排师傅上门检测。`,
    (r) => `已指导客户断电重启并检查${pick(r, PARTS)}，问题仍未解决。`,
    (_r, s) => `客户表示家里有老人和小孩，${s.product}坏了很不方便，希望优先处理。`,
    (r) => `上次维修更换过${pick(r, PARTS)}，这次又出现同样的问题。`,
    () => '客户要求师傅上门前先电话联系，联系电话同来电号码。',
    (r) => `已创建派工单，预计${int(r, 1, 3)}个工作日内上门。`,
    (r, s) => `客户${int(r, 2, 10)}天前购买的${s.product}已送货到家，但一直没有师傅上门安装。`,
    (r) => `安装师傅说需要加长铜管并打孔，额外收费${money(r)}元，客户询问收费是否合理。`,
    (r) => `机器显示故障代码E${int(r, 1, 9)}，客户已拍照通过微信发给客服。`,
    (_r, s) => `${s.city}${s.district}服务网点已接单，网点联系人会与客户确认上门时间。`,
    () => '客户希望周末上门，已备注派工单。',
    (r) => `初步判断是${pick(r, PARTS)}故障，需带配件上门更换。`,
  ],
};

const COMPLAINT: { subjects: Template[]; sentences: Template[] } = {
  subjects: [
    (r) => `投诉${pick(r, STAFF)}服务态度差`,
    () => '投诉客服热线长时间无人接听',
    () => '投诉承诺回电一直没有回电',
    (_r, s) => `${s.product}多次维修仍未修好，要求换机`,
    () => '投诉安装师傅乱收费',
    () => '投诉配送员态度恶劣',
    (_r, s) => `投诉${s.product}配送延迟且无人告知`,
    () => '投诉重复扣款，退款迟迟不到账',
    (_r, s) => `${s.product}送错型号，客户要求赔偿`,
  ],
  sentences: [
    (r) => `客户情绪激动，表示${pick(r, STAFF)}上门时${pick(r, BEHAVIOURS)}。`,
    (r) => `客户称已经是第${int(r, 2, 6)}次来电，每次都说会有人联系，但一直没有人回电。`,
    () => '客户要求公司给出书面答复，并赔偿由此造成的损失。',
    (r) => `客户表示如果${int(r, 2, 7)}天内不解决，将向消费者协会和12315投诉。`,
    (r) => `已向客户致歉，承诺${int(r, 2, 24)}小时内由主管回电说明处理方案。`,
    (r, s) => `订单号${order(r)}，承诺${int(r, 1, 28)}日送达，至今未收到${s.product}。`,
    (r) => `物流信息一直停留在${pick(r, CITIES)}转运中心，客户多次催促无果。`,
    () => '送货时包装破损，外壳有明显划痕，客户拒绝签收。',
    (r) => `客户订的是${model(r)}，送来的是${model(r)}，要求重新配送并补偿。`,
    (r) => `客户称在支付${money(r)}元后又被扣款一次，要求退还多扣的费用。`,
    (r) => `维修后收取配件费${money(r)}元，但未提供收费明细和发票。`,
    (r) => `客户申请退货已${int(r, 5, 30)}天，退款仍未到账。`,
    (r, s) => `${s.product}已经维修${int(r, 2, 5)}次，同样的问题反复出现，客户要求直接换新机。`,
    () => '已记录客户诉求，升级至投诉处理组跟进。',
  ],
};

const CONSULTATION: { subjects: Template[]; sentences: Template[] } = {
  subjects: [
    (_r, s) => `咨询${s.product}保修期`,
    (_r, s) => `咨询${s.product}清洗保养方法`,
    () => '咨询以旧换新活动',
    (_r, s) => `咨询${s.city}最近的维修网点`,
    (_r, s) => `咨询${s.product}延保服务价格`,
    (_r, s) => `咨询${s.product}节能补贴`,
    () => '咨询发票开具',
    (_r, s) => `咨询${s.product}配送时间`,
    (_r, s) => `咨询${s.product}使用方法`,
  ],
  sentences: [
    (_r, s) => `客户询问${s.product}的保修期从哪天开始计算，购买凭证丢失是否影响保修。`,
    () => '已告知客户保修期自开具发票之日起计算，凭电子发票也可以享受保修。',
    (_r, s) => `客户询问${s.city}${s.district}附近是否有授权服务网点。`,
    () => '客户想了解以旧换新的补贴标准和旧机回收方式。',
    (r) => `已告知延保服务价格为${money(r)}元每年，可在官方App购买。`,
    (_r, s) => `客户询问${s.product}多久需要清洗一次，已发送清洗保养指南。`,
    () => '客户需要开具增值税专用发票，已告知需提供单位名称和税号。',
    (r, s) => `客户在${pick(r, STORES)}下单${s.product}，询问大概几天能送到。`,
    () => '已解答客户疑问，客户表示满意。',
    (r) => `客户询问遥控器上${pick(r, ['睡眠', '除湿', '节能', '童锁', '定时'])}模式的用法。`,
  ],
};

const SUGGESTION: { subjects: Template[]; sentences: Template[] } = {
  subjects: [
    () => '建议增加微信预约上门时间',
    () => '建议说明书增加图示',
    () => '建议延长热线服务时间',
    () => '建议App显示维修进度',
    (_r, s) => `建议${s.product}增加远程控制功能`,
  ],
  sentences: [
    () => '客户建议在微信公众号里直接选择师傅上门的时间段，不用反复打电话确认。',
    () => '客户反映说明书字太小，老人看不清楚，建议增加图示和大字版。',
    () => '客户希望热线晚上也能有人接听，下班后才有时间打电话。',
    () => '客户建议在App里实时显示维修进度和师傅的位置。',
    () => '已记录客户建议并转产品部门评估，感谢客户的反馈。',
    (_r, s) => `客户使用${s.product}多年，整体满意，希望增加手机远程控制。`,
  ],
};

const OTHER: { subjects: Template[]; sentences: Template[] } = {
  subjects: [
    () => '来电无声',
    () => '客户误拨',
    () => '咨询招聘信息',
    () => '经销商合作咨询',
    () => '客户来电表扬维修师傅',
  ],
  sentences: [
    () => '电话接通后无人说话，回拨无人接听。',
    () => '客户表示拨错电话，已礼貌结束通话。',
    () => '来电人询问公司是否招聘售后维修人员，已告知关注官方招聘渠道。',
    (_r, s) => `来电人希望成为${s.city}地区的经销商，已转招商部门联系。`,
    (r) => `客户来电表扬${pick(r, STAFF)}服务热情、技术专业，要求转达感谢。`,
  ],
};

const BY_TYPE: Record<string, { subjects: Template[]; sentences: Template[] }> = {
  service: SERVICE,
  complaint: COMPLAINT,
  consultation: CONSULTATION,
  suggestion: SUGGESTION,
  other: OTHER,
};

function slots(r: Random): Slots {
  return {
    product: pickSkewed(r, PRODUCTS),
    problem: pick(r, PROBLEMS),
    city: pickSkewed(r, CITIES, 1.3),
    district: pick(r, DISTRICTS),
    community: pick(r, COMMUNITIES),
  };
}

/** A description of 50–300 characters: the type's sentences first, then common ones, in random order. */
function describe(r: Random, typeKey: string, s: Slots): string {
  const own = BY_TYPE[typeKey] ?? OTHER;
  const target = 50 + Math.floor(r() ** 1.6 * 250);
  const sentences = [...own.sentences].sort(() => r() - 0.5);
  const extra = [...COMMON].sort(() => r() - 0.5);
  let text = '';
  for (const template of [...sentences, ...extra]) {
    if (text.length >= target) break;
    const next = template(r, s);
    if (text.length >= 50 && text.length + next.length > 300) break;
    text += next;
  }
  while (text.length < 50) text += pick(r, COMMON)(r, s);
  return [...text].slice(0, 300).join('');
}

/**
 * Words each written into one pool text only (a repair finding), so that ~1 in 4,000 tickets has
 * one: the "rare word" of the search scenarios.
 */
export const RARE_WORDS = ['蒸发器', '电磁阀', '变频板', '冷凝器', '四通阀', '加热管', '继电器', '轴承'];

/**
 * `count` subjects and descriptions, grouped by type in TYPE_SHARES order, each type's share of the
 * pool; the repair texts 37, 187, 337 … start with a finding naming one of RARE_WORDS.
 */
export function ticketTexts(count = 4000, seed = 5): PoolText[] {
  const r = mulberry32(seed);
  const texts: PoolText[] = [];
  for (const [typeKey, share] of TYPE_SHARES) {
    const own = BY_TYPE[typeKey] ?? OTHER;
    const n = Math.max(20, Math.round((count * share) / 100));
    for (let i = 0; i < n; i += 1) {
      const s = slots(r);
      texts.push({ typeKey, subject: pick(r, own.subjects)(r, s), description: describe(r, typeKey, s) });
    }
  }
  RARE_WORDS.forEach((word, i) => {
    const text = texts[37 + i * 150] as PoolText;
    text.description = [...`经检测${word}损坏，需要更换配件。${text.description}`].slice(0, 300).join('');
  });
  return texts;
}

const INBOUND: Template[] = [
  () => '客户再次来电询问处理进度，希望尽快给个答复。',
  (_r, s) => `客户补充：${s.product}${s.problem}的情况越来越严重了。`,
  (r) => `客户发来${int(r, 2, 6)}张照片，显示机器铭牌和故障位置。`,
  () => '客户表示师傅还没有联系他，问是不是把单子漏了。',
  () => '客户来电确认上门时间改到明天下午。',
];
const REPLY: Template[] = [
  (r, s) => `您好，已为您安排${s.district}服务网点的师傅，预计${int(r, 1, 3)}日内上门，请保持电话畅通。`,
  () => '您好，您反映的问题我们已经记录，主管会在今天内给您回电，给您带来不便深表歉意。',
  (r) => `您好，退款${money(r)}元已原路退回，预计3到5个工作日到账，请注意查收。`,
  () => '您好，维修已完成，如有问题请随时联系我们，感谢您的耐心等待。',
  (r) => `您好，配件已到货，师傅将于${int(r, 1, 28)}日上午上门更换。`,
];
const NOTE: Template[] = [
  () => '已联系网点主管，要求今天内回电客户。',
  () => '客户情绪较大，回访时注意沟通方式。',
  (r) => `配件${pick(r, PARTS)}缺货，已申请从中心仓调货。`,
  () => '与客户约定的时间师傅无法到达，已改约。',
];

/** Follow-up messages: customer messages, replies and internal notes (40 / 40 / 20 %). */
export function messageTexts(count = 1000, seed = 7): PoolMessage[] {
  const r = mulberry32(seed);
  const messages: PoolMessage[] = [];
  for (let i = 0; i < count; i += 1) {
    const s = slots(r);
    const x = r();
    const kind: PoolMessage['kind'] = x < 0.4 ? 'inbound' : x < 0.8 ? 'reply' : 'note';
    const templates = kind === 'inbound' ? INBOUND : kind === 'reply' ? REPLY : NOTE;
    messages.push({ kind, body: pick(r, templates)(r, s) });
  }
  return messages;
}
