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

import { DEMO, FIELDS } from './demo-customers.data.js';

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
