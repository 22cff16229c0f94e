import { eq } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../../../db/client.js';
import { runSeedOnce } from '../../../db/seed/base.js';
import type { Deps } from '../../../lib/deps.js';
import { callbackPlanSteps, callbackPlans, callbackSettings } from '../callbacks.tables.js';

type StepSeed = Omit<typeof callbackPlanSteps.$inferInsert, 'planId' | 'position'>;
type PlanSeed = Omit<typeof callbackPlans.$inferInsert, 'templateKey'> & { templateKey: string; steps: StepSeed[] };

/**
 * The shipped plans (seeds 001 and 004), editable by a manager afterwards; seeded once per
 * database (a deleted or edited template is never brought back).
 */
export const TEMPLATE_PLANS: PlanSeed[] = [
  {
    templateKey: 'studio',
    name: '影楼客户回访计划',
    nameEn: 'Studio customer callbacks',
    description: '预订、拍摄、看样、取件后各回访一次，婚礼当天致以祝福。',
    trigger: 'milestone',
    milestoneTypeKey: 'booking',
    steps: [
      {
        milestoneTypeKey: 'booking',
        offsetDays: 1,
        purpose: '预订回访：确认套餐与档期，解答疑问',
        script: '您好，我是影楼回访专员。感谢您昨天的预订，想跟您确认一下套餐内容和拍摄档期，还有什么疑问吗？',
      },
      {
        milestoneTypeKey: 'shoot',
        offsetDays: 1,
        purpose: '拍摄回访：了解拍摄体验，对摄影师、化妆师的评价',
        script: '您好，昨天的拍摄还顺利吗？请问您对摄影师和化妆师的服务满意吗？有什么建议吗？',
      },
      {
        milestoneTypeKey: 'sample_viewing',
        offsetDays: 10,
        purpose: '看样回访：选片与修片是否满意',
        script: '您好，看样已经过去十天了，请问您对选片和修片的效果满意吗？相册制作有什么需要调整的吗？',
      },
      {
        milestoneTypeKey: 'pickup',
        offsetDays: 5,
        purpose: '取件回访：成品质量与整体满意度',
        script: '您好，成品取回后您满意吗？相册和相框有没有任何问题？欢迎推荐亲友来店。',
      },
      {
        milestoneTypeKey: 'wedding_day',
        offsetDays: 0,
        channel: 'call',
        altChannel: 'sms',
        fixedDate: true,
        purpose: '婚礼当天祝福（电话或短信）',
        script: '今天是您的大喜之日，全体同事祝您新婚快乐、百年好合！',
      },
    ],
  },
  {
    templateKey: 'ticket_closed',
    name: '工单关闭回访',
    nameEn: 'Callback after a closed ticket',
    description: '工单关闭后第 1 个工作日回访，确认问题是否解决、对处理是否满意。',
    trigger: 'ticket_closed',
    steps: [
      {
        offsetDays: 1,
        dayKind: 'working',
        purpose: '确认问题已解决，了解对处理过程的满意度',
        script: '您好，您反映的问题我们已经处理完毕，请问现在已经解决了吗？您对处理过程满意吗？',
      },
    ],
  },
  {
    templateKey: 'field_visit',
    name: '上门服务回访',
    nameEn: 'Callback after a field visit',
    description: '报修/上门服务工单关闭后 2 个工作日内电话确认（种子 004）。',
    trigger: 'field_visit',
    ticketTypeKeys: ['service'],
    steps: [
      {
        offsetDays: 2,
        dayKind: 'working',
        channel: 'call',
        purpose: '电话确认上门服务效果：设备是否正常、工程师服务是否到位',
        script: '您好，我们的工程师前几天上门为您服务，请问设备现在运行正常吗？您对工程师的服务满意吗？',
      },
    ],
  },
];

async function insertTemplates(db: DbOrTx) {
  await db.insert(callbackSettings).values({ id: 1 }).onConflictDoNothing();
  for (const { steps, ...plan } of TEMPLATE_PLANS) {
    const [row] = await db.insert(callbackPlans).values(plan).onConflictDoNothing().returning();
    if (!row) continue;
    await db.insert(callbackPlanSteps).values(steps.map((s, i) => ({ ...s, planId: row.id, position: i + 1 })));
  }
}

const seeded = new WeakSet<object>();

/** Seeds the templates and the settings row once per database, inside the caller's transaction. */
export async function ensureCallbacksSeededIn(tx: Tx, deps: Deps): Promise<void> {
  if (seeded.has(deps.database)) return;
  if (!(await runSeedOnce(tx, 'callback-templates', insertTemplates))) seeded.add(deps.database);
}

/** The same, in its own transaction (routes). */
export async function ensureCallbacksSeeded(deps: Deps): Promise<void> {
  if (seeded.has(deps.database)) return;
  await deps.database.db.transaction((tx) => ensureCallbacksSeededIn(tx, deps));
}

/** For the demo seed and the bench (no app): the templates now. */
export async function seedCallbackTemplates(db: DbOrTx): Promise<void> {
  await runSeedOnce(db, 'callback-templates', insertTemplates);
}

export async function findTemplatePlanId(db: DbOrTx, templateKey: string): Promise<string | null> {
  const [row] = await db
    .select({ id: callbackPlans.id })
    .from(callbackPlans)
    .where(eq(callbackPlans.templateKey, templateKey));
  return row?.id ?? null;
}
