import { eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import {
  customerBusinessFigures,
  customerContacts,
  customerGradeHistory,
  customerMilestones,
  customerStaff,
  customers,
  customerTimeline,
  customFieldDefinitions,
  users,
} from '../schema/index.js';

type DemoCustomer = {
  kind: 'company' | 'person';
  name: string;
  category: string | null;
  grade: 'A' | 'B' | 'C' | 'D' | null;
  owner: string;
  backup?: string;
  region: string;
  phone: string;
  email?: string;
  legal?: string;
  address?: string;
  industry?: string;
  contacts?: [string, string, string][];
  milestones?: [string, number][];
  notes?: string;
};

/** Demo customers written for Kefu (not taken from any real register); dates relative to the seed day. */
const DEMO: DemoCustomer[] = [
  {
    kind: 'company',
    name: '上海华信医疗器械有限公司',
    category: 'dealer',
    grade: 'A',
    owner: 'wangfang',
    backup: 'zhangwei',
    region: '上海',
    phone: '021-62345678',
    email: 'service@huaxin-med.example.cn',
    legal: '陈华信',
    address: '上海市闵行区莘庄工业区春东路 88 号',
    industry: 'medical',
    contacts: [
      ['周建平', '设备科科长', '13916620101'],
      ['林晓燕', '采购主管', '13816620102'],
    ],
    milestones: [
      ['order', -40],
      ['delivery', -12],
      ['installation', -5],
    ],
    notes: '华东区核心经销商，负责 12 家三甲医院的设备维护。',
  },
  {
    kind: 'company',
    name: '杭州明远广告传媒有限公司',
    category: 'advertising',
    grade: 'B',
    owner: 'liuyang',
    region: '浙江',
    phone: '0571-87654321',
    email: 'hello@mingyuan-ad.example.cn',
    legal: '赵明远',
    industry: 'media',
    contacts: [['徐静', '客户总监', '13757110201']],
  },
  {
    kind: 'company',
    name: '成都锦程旅行社有限公司',
    category: 'partner',
    grade: 'B',
    owner: 'chenchen',
    region: '四川',
    phone: '028-85551234',
    legal: '杨锦程',
    industry: 'travel',
    contacts: [
      ['何佳', '计调经理', '18981230301'],
      ['邓宇', '财务', '18981230302'],
    ],
  },
  {
    kind: 'company',
    name: '北京佳禾物业管理有限公司',
    category: 'end_customer',
    grade: 'A',
    owner: 'wangfang',
    backup: 'liuyang',
    region: '北京',
    phone: '010-64451200',
    email: 'kefu@jiahe-wy.example.cn',
    legal: '孙佳禾',
    industry: 'property',
    contacts: [
      ['王磊', '工程部经理', '13601120401'],
      ['蒋丽', '客服中心主任', '13601120402'],
    ],
    milestones: [
      ['order', -90],
      ['warranty_end', 275],
    ],
  },
  {
    kind: 'company',
    name: '广州喜临门婚纱摄影有限公司',
    category: 'partner',
    grade: 'C',
    owner: 'liuyang',
    region: '广东',
    phone: '020-38881234',
    industry: 'wedding',
    contacts: [['吴婷婷', '门店经理', '13924000501']],
  },
  {
    kind: 'company',
    name: '南京恒通电子科技有限公司',
    category: 'distributor',
    grade: 'B',
    owner: 'chenchen',
    region: '江苏',
    phone: '025-84561234',
    email: 'sales@hengtong.example.cn',
    legal: '钱恒',
    industry: 'electronics',
    contacts: [['郭强', '销售经理', '13951600601']],
  },
  {
    kind: 'company',
    name: '深圳前海汇丰律师事务所',
    category: 'lawyer',
    grade: 'C',
    owner: 'wangfang',
    region: '广东',
    phone: '0755-86001234',
    industry: 'legal',
    contacts: [['刘律师', '合伙人', '13802900701']],
  },
  {
    kind: 'company',
    name: '招商银行某支行（演示）',
    category: 'bank',
    grade: 'B',
    owner: 'chenchen',
    region: '上海',
    phone: '021-58881234',
    industry: 'finance',
    contacts: [['方敏', '对公客户经理', '13621800801']],
  },
  {
    kind: 'company',
    name: '武汉楚天保险代理有限公司',
    category: 'insurer',
    grade: 'D',
    owner: 'liuyang',
    region: '湖北',
    phone: '027-87651234',
    industry: 'finance',
  },
  {
    kind: 'company',
    name: '西安秦岭健康体检中心',
    category: 'end_customer',
    grade: 'B',
    owner: 'wangfang',
    region: '陕西',
    phone: '029-88661234',
    industry: 'medical',
    contacts: [['韩冬', '设备主管', '13991200901']],
    milestones: [
      ['order', -20],
      ['delivery', 3],
    ],
  },
  {
    kind: 'company',
    name: '苏州工业园区康宁医院',
    category: 'end_customer',
    grade: 'A',
    owner: 'chenchen',
    backup: 'wangfang',
    region: '江苏',
    phone: '0512-66551234',
    industry: 'medical',
    contacts: [
      ['沈雪', '医学工程科', '13962101001'],
      ['陆明', '信息科', '13962101002'],
    ],
    milestones: [['installation', -2]],
  },
  {
    kind: 'company',
    name: '厦门海辰文化传播有限公司',
    category: 'pr',
    grade: 'C',
    owner: 'liuyang',
    region: '福建',
    phone: '0592-55661234',
    industry: 'media',
  },
  {
    kind: 'person',
    name: '张明（新人）',
    category: null,
    grade: null,
    owner: 'wangfang',
    region: '广东',
    phone: '13922001101',
    milestones: [
      ['booking', -30],
      ['shoot', -8],
      ['sample_viewing', 2],
      ['wedding_day', 60],
    ],
    notes: '婚纱套餐 B，女方李晓，偏好户外外景。',
  },
  {
    kind: 'person',
    name: '李晓',
    category: null,
    grade: null,
    owner: 'wangfang',
    region: '广东',
    phone: '13922001102',
    milestones: [
      ['booking', -30],
      ['wedding_day', 60],
    ],
  },
  {
    kind: 'person',
    name: '赵雅婷',
    category: null,
    grade: 'C',
    owner: 'chenchen',
    region: '四川',
    phone: '18980001201',
    milestones: [['booking', -3]],
  },
  {
    kind: 'person',
    name: '钱伟（个人会员）',
    category: null,
    grade: 'B',
    owner: 'liuyang',
    region: '上海',
    phone: '13611801301',
    email: 'qianwei@example.cn',
    milestones: [['birthday', 15]],
  },
];

const FIELDS = [
  {
    key: 'industry',
    label: '所属行业',
    labelEn: 'Industry',
    type: 'select' as const,
    sortOrder: 1,
    options: [
      { value: 'medical', label: '医疗', labelEn: 'Medical' },
      { value: 'media', label: '广告传媒', labelEn: 'Media' },
      { value: 'travel', label: '旅游', labelEn: 'Travel' },
      { value: 'property', label: '物业', labelEn: 'Property' },
      { value: 'wedding', label: '婚庆摄影', labelEn: 'Wedding' },
      { value: 'electronics', label: '电子', labelEn: 'Electronics' },
      { value: 'legal', label: '法律', labelEn: 'Legal' },
      { value: 'finance', label: '金融保险', labelEn: 'Finance' },
    ],
  },
  {
    key: 'contract_end',
    label: '合同到期日',
    labelEn: 'Contract end',
    type: 'date' as const,
    sortOrder: 2,
    options: [],
  },
  {
    key: 'annual_purchase',
    label: '年采购额（万元）',
    labelEn: 'Annual purchase (10k CNY)',
    type: 'number' as const,
    sortOrder: 3,
    options: [],
  },
];

function dayOffset(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  return d.toISOString().slice(0, 10);
}

/** Demo customer archive: companies and persons, contacts, staff, milestones, a timeline to read. */
export async function seedDemoCustomers(db: DbOrTx): Promise<void> {
  await db.insert(customFieldDefinitions).values(FIELDS).onConflictDoNothing();
  const people = await db
    .select({ id: users.id, username: users.username })
    .from(users)
    .where(inArray(users.username, ['wangfang', 'liuyang', 'chenchen', 'zhangwei']));
  const idOf = new Map(people.map((p) => [p.username, p.id]));
  const year = new Date().getFullYear();
  for (const [i, c] of DEMO.entries()) {
    const ownerId = idOf.get(c.owner) ?? null;
    const [row] = await db
      .insert(customers)
      .values({
        kind: c.kind,
        name: c.name,
        categoryKey: c.category,
        grade: c.grade,
        isKey: c.grade === 'A',
        ownerId,
        region: c.region,
        phone: c.phone,
        phoneNormalized: c.phone.replace(/\D/g, ''),
        email: c.email ?? null,
        legalRepresentative: c.legal ?? null,
        address: c.address ?? null,
        notes: c.notes ?? null,
        customFields: c.industry ? { industry: c.industry, annual_purchase: 20 + i * 7 } : {},
        createdBy: ownerId,
      })
      .returning({ id: customers.id });
    if (!row) continue;
    const staff = [
      ownerId && { customerId: row.id, userId: ownerId, role: 'owner' as const },
      c.backup &&
        idOf.get(c.backup) && { customerId: row.id, userId: idOf.get(c.backup) as string, role: 'backup' as const },
    ].filter(Boolean) as (typeof customerStaff.$inferInsert)[];
    if (staff.length) await db.insert(customerStaff).values(staff);
    if (c.contacts?.length) {
      await db.insert(customerContacts).values(
        c.contacts.map(([name, title, mobile], j) => ({
          customerId: row.id,
          name,
          title,
          mobile,
          isPrimary: j === 0,
        })),
      );
    }
    for (const [typeKey, offset] of c.milestones ?? []) {
      await db
        .insert(customerMilestones)
        .values({ customerId: row.id, typeKey, date: dayOffset(offset), createdBy: ownerId });
    }
    if (c.grade) {
      await db
        .insert(customerGradeHistory)
        .values({ customerId: row.id, gradeBefore: null, gradeAfter: c.grade, reason: 'initial', changedBy: ownerId });
    }
    if (c.kind === 'company') {
      await db.insert(customerBusinessFigures).values([
        {
          customerId: row.id,
          year: year - 1,
          revenue: String(300_000 + i * 85_000),
          orderCount: 6 + i,
          paymentRecord: i % 4 === 0 ? 'late' : 'on_time',
        },
        {
          customerId: row.id,
          year,
          revenue: String(200_000 + i * 60_000),
          orderCount: 3 + i,
          paymentRecord: 'on_time',
        },
      ]);
    }
    await db.insert(customerTimeline).values([
      {
        customerId: row.id,
        kind: 'change',
        title: 'customer.created',
        actorId: ownerId,
        at: new Date(Date.now() - 45 * 86_400_000),
      },
      {
        customerId: row.id,
        kind: 'call',
        channel: 'call',
        direction: 'outbound',
        title: '季度例行回访',
        body: '客户反馈设备运行稳定，希望下季度安排一次操作培训。',
        actorId: ownerId,
        at: new Date(Date.now() - 10 * 86_400_000),
      },
      {
        customerId: row.id,
        kind: 'email',
        channel: 'email',
        direction: 'inbound',
        title: '咨询保养合同续签',
        body: '客户询问明年保养合同的价格调整，已转销售跟进。',
        actorId: ownerId,
        at: new Date(Date.now() - 3 * 86_400_000),
      },
    ]);
  }
  // One visit to show a field trip on the timeline.
  const [huaxin] = await db
    .select({ id: customers.id })
    .from(customers)
    .where(eq(customers.name, DEMO[0]?.name ?? ''));
  if (huaxin) {
    await db.insert(customerTimeline).values({
      customerId: huaxin.id,
      kind: 'visit',
      channel: 'visit',
      direction: 'outbound',
      title: '上门拜访：年度服务回顾',
      body: '与设备科周科长回顾全年报修 37 次、平均到场 1.6 小时；约定下月联合巡检。',
      actorId: idOf.get('zhangwei') ?? null,
      at: new Date(Date.now() - 6 * 86_400_000),
    });
  }
}
