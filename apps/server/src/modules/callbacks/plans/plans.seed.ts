import { eq } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../../../db/client.js';
import type { Actor } from '../../../lib/actor.js';
import { addDays, dayIn } from '../../../lib/calendar-day.js';
import type { Deps } from '../../../lib/deps.js';
import { listAllMilestoneFacts } from '../../customers/index.js';
import { findUserByUsername } from '../../users/index.js';
import { callbackCampaigns } from '../callbacks.tables.js';
import { runCampaign } from './campaigns.service.js';
import { scheduleFromMilestone } from './generation.service.js';
import { insertPlan } from './plans.service.js';
import { seedCallbackTemplates } from './templates.js';

const ROUNDS = [
  {
    name: '上月老客户满意度回访',
    offset: -20,
    filter: {},
    purpose: '了解近期服务体验与满意度',
    script: '您好，我是客服中心回访专员，想占用您两分钟时间，了解一下您对我们近期服务的满意度。',
  },
  {
    name: '本周重点客户回访',
    offset: 0,
    filter: { isKey: true },
    purpose: '重点客户例行回访：使用情况与改进建议',
    script: '您好，感谢您一直以来的支持，想了解一下设备和服务的使用情况，有什么需要我们改进的吗？',
  },
  {
    name: '企业客户年度服务回访',
    offset: 25,
    filter: { kind: 'company' },
    purpose: '年度服务回访：合同执行、服务响应与续约意向',
    script: '您好，我是客服中心回访专员，想了解一下今年我们的服务响应和合同执行情况，您还满意吗？',
  },
  {
    name: '季度客户关怀回访',
    offset: 9,
    filter: {},
    purpose: '季度关怀：近况与新需求',
    script: '您好，又到季度回访的时间了，最近使用中有没有遇到问题？有新的需求也欢迎告诉我们。',
  },
] as const;

/**
 * The demo's callbacks (after the demo customers): the shipped plans, the studio plan's
 * callbacks from the demo customers' milestones, and three rounds — last month's (history for the
 * work demo), this week's for the key customers, next quarter's — dealt to the demo callback
 * specialists (孙丽, 周杰), one per customer. About 30 pending callbacks.
 */
export async function seedCallbackPlansDemo(db: DbOrTx, timeZone: string): Promise<void> {
  await seedCallbackTemplates(db);
  const deps = { config: { timezone: timeZone } } as unknown as Deps;
  const tx = db as Tx;
  for (const milestone of await listAllMilestoneFacts(db)) await scheduleFromMilestone(tx, deps, milestone);
  const adminId = (await findUserByUsername(db, 'admin'))?.id;
  if (!adminId) return;
  const actor: Actor = {
    userId: adminId,
    username: 'admin',
    displayName: 'admin',
    roleKey: 'admin',
    permissions: new Set(),
    dataScope: 'all',
    departmentId: null,
    locale: 'zh-CN',
    via: 'session',
  };
  const today = dayIn(new Date(), timeZone);
  for (const round of ROUNDS) {
    const planId = await insertPlan(tx, actor, {
      name: round.name,
      trigger: 'campaign',
      ticketTypeKeys: [],
      isActive: true,
      steps: [
        {
          offsetDays: 0,
          dayKind: 'working',
          channel: 'call',
          fixedDate: false,
          purpose: round.purpose,
          script: round.script,
        },
      ],
    });
    const [row] = await tx
      .insert(callbackCampaigns)
      .values({ name: round.name, planId, filter: round.filter, createdBy: adminId })
      .returning();
    if (!row) continue;
    const result = await runCampaign(tx, deps, actor, {
      id: row.id,
      planId,
      filter: round.filter,
      startDate: addDays(today, round.offset),
      allowPast: round.offset < 0,
    });
    await tx
      .update(callbackCampaigns)
      .set({ customerCount: result.customerCount, callbackCount: result.callbackCount })
      .where(eq(callbackCampaigns.id, row.id));
  }
}
