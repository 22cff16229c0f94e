import { asc, eq, like } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import {
  notifications,
  outboxEvents,
  slaClocks,
  slaFirings,
  slaLadders,
  slaPolicies,
  tickets,
} from '../../../db/schema/index.js';
import { createDepartment, createUser } from '../../../db/seed/factories.js';
import type { LadderLevel } from '../sla.tables.js';

export const MINUTE = 60_000;
export const at = (base: Date, minutes: number) => new Date(base.getTime() + minutes * MINUTE);

/**
 * The organisation of the ladder tests: 客户服务中心 › 热线组 (manager `mgr`), supervisor `sup`
 * (superior: mgr) over agent `agenta`; general manager `gm`; `named`, a person a level names; in
 * 华南分部 a supervisor `farsup` who cannot see the hotline's tickets.
 */
export async function slaOrganisation(db: DbOrTx) {
  const centre = await createDepartment(db, { name: '客户服务中心' });
  const mgr = await createUser(db, { username: 'mgr', displayName: '孙经理', roleKey: 'department_manager' });
  const hotline = await createDepartment(db, { name: '热线组', parentId: centre.id, managerId: mgr.id });
  const gm = await createUser(db, { username: 'gm', displayName: '钱总', roleKey: 'general_manager' });
  // A former general manager: inactive people are never told.
  await createUser(db, { username: 'gm2', displayName: '前总经理', roleKey: 'general_manager', isActive: false });
  const sup = await createUser(db, {
    username: 'sup',
    displayName: '周主管',
    roleKey: 'supervisor',
    departmentId: hotline.id,
    superiorId: mgr.id,
  });
  const agent = await createUser(db, {
    username: 'agenta',
    displayName: '王坐席',
    roleKey: 'agent',
    departmentId: hotline.id,
    superiorId: sup.id,
  });
  const elsewhere = await createDepartment(db, { name: '华南分部' });
  const named = await createUser(db, {
    username: 'named',
    displayName: '吴专员',
    roleKey: 'agent',
    departmentId: elsewhere.id,
  });
  await createUser(db, {
    username: 'farsup',
    displayName: '郑主管',
    roleKey: 'supervisor',
    departmentId: elsewhere.id,
  });
  return {
    hotline: hotline.id,
    users: { mgr: mgr.id, sup: sup.id, agent: agent.id, gm: gm.id, named: named.id },
  };
}

export type SlaOrganisation = Awaited<ReturnType<typeof slaOrganisation>>;

/** Seed 004's complaint-alert table, shortened to four levels with distinct people. */
export function testLevels(org: SlaOrganisation): LadderLevel[] {
  return [
    {
      nameZh: '热线主管提取预警',
      nameEn: 'Supervisor picks up',
      limitMinutes: 30,
      recipients: [{ kind: 'superior_chain', depth: 1 }],
      channels: ['in_app'],
    },
    {
      nameZh: '店面/责任部门处理',
      nameEn: 'Store handles',
      limitMinutes: 60,
      recipients: [{ kind: 'department_manager' }],
      channels: ['in_app', 'sms'],
    },
    {
      nameZh: '副总/总经理给处理意见',
      nameEn: 'GM gives an opinion',
      limitMinutes: 30,
      recipients: [{ kind: 'general_manager' }],
      channels: ['in_app'],
    },
    {
      nameZh: '客服热线处理',
      nameEn: 'Hotline acts',
      limitMinutes: 60,
      recipients: [{ kind: 'user', userId: org.users.named }, { kind: 'on_duty_leader' }],
      channels: ['in_app'],
    },
  ];
}

export async function insertLadder(db: DbOrTx, levels: LadderLevel[]) {
  const [row] = await db.insert(slaLadders).values({ nameZh: '测试梯队', nameEn: 'Test ladder', levels }).returning();
  return row?.id as string;
}

export async function insertPolicy(db: DbOrTx, ladderId: string | null, warnPercents = [50, 75, 90]) {
  const [row] = await db
    .insert(slaPolicies)
    .values({
      nameZh: '投诉解决',
      nameEn: 'Complaint resolution',
      metric: 'resolution',
      typeKey: 'complaint',
      targetMinutes: 120,
      timeBasis: 'calendar',
      warnPercents,
      ladderId,
    })
    .returning();
  return row?.id as string;
}

let ticketCount = 0;

/** A complaint of the hotline assigned to the agent, written directly (no events: no recompute runs). */
export async function insertTicket(
  db: DbOrTx,
  org: SlaOrganisation,
  values: Partial<typeof tickets.$inferInsert> = {},
) {
  ticketCount += 1;
  const [row] = await db
    .insert(tickets)
    .values({
      typeKey: 'complaint',
      channel: 'phone',
      subject: `门店服务态度投诉${ticketCount}`,
      description: '客户来电投诉门店服务态度',
      departmentId: org.hotline,
      assigneeId: org.users.agent,
      createdBy: org.users.agent,
      ...values,
    })
    .returning({ id: tickets.id, number: tickets.number });
  if (!row) throw new Error('insert ticket failed');
  return row;
}

/**
 * A running 120-minute resolution clock started at `startedAt` (calendar basis): warnings at 60,
 * 90 and 108 minutes, due at 120; next check at its first pending instant unless given.
 */
export async function insertClock(
  db: DbOrTx,
  ticketId: string,
  startedAt: Date,
  refs: { policyId: string; ladderId: string | null },
  values: Partial<typeof slaClocks.$inferInsert> = {},
) {
  const [row] = await db
    .insert(slaClocks)
    .values({
      ticketId,
      metric: 'resolution',
      policyId: refs.policyId,
      ladderId: refs.ladderId,
      timeBasis: 'calendar',
      targetMinutes: 120,
      state: 'running',
      startedAt,
      dueAt: at(startedAt, 120),
      nextCheckAt: at(startedAt, 60),
      ...values,
    })
    .returning();
  if (!row) throw new Error('insert clock failed');
  return row;
}

export async function firingsOf(db: DbOrTx, clockId: string) {
  return db.select().from(slaFirings).where(eq(slaFirings.clockId, clockId)).orderBy(asc(slaFirings.id));
}

export async function clockRow(db: DbOrTx, clockId: string) {
  const [row] = await db.select().from(slaClocks).where(eq(slaClocks.id, clockId));
  return row;
}

/** The in-app notices of one step of a clock: recipient → subject. */
export async function noticesOf(db: DbOrTx, ticketId: string, clockId: string, kind: string, step: number) {
  const rows = await db
    .select({ recipient: notifications.recipient, subject: notifications.subject, body: notifications.body })
    .from(notifications)
    .where(eq(notifications.ref, `ticket:${ticketId}/sla/${clockId}/${kind}/${step}`));
  return rows;
}

export async function slaEvents(db: DbOrTx, ticketId: string) {
  return db
    .select({ name: outboxEvents.name, payload: outboxEvents.payload })
    .from(outboxEvents)
    .where(like(outboxEvents.name, 'sla.%'))
    .orderBy(asc(outboxEvents.id))
    .then((rows) => rows.filter((r) => (r.payload as { ticketId: string }).ticketId === ticketId));
}
