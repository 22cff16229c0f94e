import type { DbOrTx, Tx } from '../../../db/client.js';
import { runSeedOnce } from '../../../db/seed/base.js';
import type { Deps } from '../../../lib/deps.js';
import { CN_WORKDAYS, seedCalendars } from '../../calendars/index.js';
import { unfinishedTicketIdsAfter } from '../../tickets/index.js';
import { recomputeTicketClocks } from '../clocks/clocks.service.js';
import { requestRecompute } from '../clocks/recompute-request.js';
import type { LadderLevel } from '../sla.tables.js';
import * as ladders from './ladders.repository.js';
import * as policies from './policies.repository.js';
import * as settings from './settings.repository.js';

const COMPLAINT = 'complaint';

/**
 * The complaint alert table of seed 004 (投诉预警处理): the supervisor picks the alert up within
 * 30 min, the store/responsible department handles it within 1 h, the store manager gives
 * guidance within 30 min, the deputy GM/GM give an opinion within 1 h, the hotline acts within
 * 3 h. Each level adds its people to those before it.
 */
export const COMPLAINT_LADDER_LEVELS: LadderLevel[] = [
  {
    nameZh: '热线主管提取预警',
    nameEn: 'Hotline supervisor picks up the alert',
    limitMinutes: 30,
    recipients: [{ kind: 'superior_chain', depth: 1 }],
    channels: ['in_app'],
  },
  {
    nameZh: '店面/责任部门处理',
    nameEn: 'Store or responsible department handles it',
    limitMinutes: 60,
    recipients: [{ kind: 'department_manager' }],
    channels: ['in_app'],
  },
  {
    nameZh: '店长给予指导意见',
    nameEn: 'Store manager gives guidance',
    limitMinutes: 30,
    recipients: [{ kind: 'superior_chain', depth: 2 }],
    channels: ['in_app'],
  },
  {
    nameZh: '副总/总经理给出处理意见',
    nameEn: 'Deputy GM or GM gives an opinion',
    limitMinutes: 60,
    recipients: [{ kind: 'general_manager' }],
    channels: ['in_app'],
  },
  {
    nameZh: '客服热线处理',
    nameEn: 'Customer hotline acts on it',
    limitMinutes: 180,
    recipients: [{ kind: 'assignee' }],
    channels: ['in_app'],
  },
];

/**
 * The default policies (the seed figures): a simple complaint (low/normal priority) answered
 * within 2 h, a complex one (high/urgent) within 24 h, resolved within 48 h with the complaint
 * ladder, its promised reply time kept (with the ladder); field service contacts the customer
 * within 30 min, and within 2 h in all (a 90 min follow-up target after the breach); a
 * consultation answered within 4 business hours and resolved within 2 working days; a refund
 * back within 3 days, and at the latest within 15 working days — "i.e. within 3 weeks", as seed
 * 002 puts it: an 18-day follow-up target after the 3 days (wall time, like the first).
 */
function defaultPolicies(ladderId: string): policies.PolicyInsert[] {
  const complaint = { typeKey: COMPLAINT, timeBasis: 'calendar' as const, calendarId: CN_WORKDAYS };
  return [
    {
      ...complaint,
      nameZh: '简单投诉首次答复（2 小时）',
      nameEn: 'Complaint first response, simple (2 h)',
      metric: 'first_response',
      targetMinutes: 120,
    },
    ...(['high', 'urgent'] as const).map((priority) => ({
      ...complaint,
      nameZh: `复杂投诉首次答复（24 小时，${priority === 'high' ? '高' : '紧急'}优先级）`,
      nameEn: `Complaint first response, complex (24 h, ${priority} priority)`,
      metric: 'first_response' as const,
      priority,
      targetMinutes: 24 * 60,
    })),
    {
      ...complaint,
      nameZh: '投诉处理完毕（48 小时）',
      nameEn: 'Complaint resolved (48 h)',
      metric: 'resolution',
      targetMinutes: 48 * 60,
      ladderId,
    },
    {
      ...complaint,
      nameZh: '投诉承诺回复时间',
      nameEn: 'Complaint promised reply time',
      metric: 'promised_reply',
      targetMinutes: 24 * 60,
      ladderId,
    },
    {
      typeKey: 'service',
      timeBasis: 'calendar',
      calendarId: CN_WORKDAYS,
      nameZh: '现场服务联系客户（30 分钟，2 小时内完成联系）',
      nameEn: 'Field service contacts the customer (30 min; contact completed within 2 h)',
      metric: 'first_response',
      targetMinutes: 30,
      followUpMinutes: 90,
    },
    {
      typeKey: 'consultation',
      timeBasis: 'business',
      calendarId: CN_WORKDAYS,
      nameZh: '咨询首次答复（4 个工作小时）',
      nameEn: 'Consultation first response (4 business hours)',
      metric: 'first_response',
      targetMinutes: 4 * 60,
    },
    {
      typeKey: 'consultation',
      timeBasis: 'business',
      calendarId: CN_WORKDAYS,
      nameZh: '咨询解决（2 个工作日）',
      nameEn: 'Consultation resolved (2 working days)',
      metric: 'resolution',
      targetMinutes: 2 * 9 * 60,
    },
    {
      typeKey: 'refund',
      timeBasis: 'calendar',
      calendarId: CN_WORKDAYS,
      nameZh: '退款到账（3 天，最长不超过 15 个工作日即 3 周）',
      nameEn: 'Refund paid back (3 days; never beyond 15 working days, i.e. 3 weeks)',
      metric: 'resolution',
      targetMinutes: 3 * 24 * 60,
      followUpMinutes: 18 * 24 * 60,
    },
  ];
}

/** The built-in ladder, the default policies and the settings row; once per database. */
export async function seedSlaDefaults(db: DbOrTx): Promise<void> {
  const ladder = await ladders.insertLadder(db, {
    nameZh: '投诉预警处理',
    nameEn: 'Complaint alert handling',
    levels: COMPLAINT_LADDER_LEVELS,
    isBuiltin: true,
  });
  await policies.insertPolicies(db, defaultPolicies(ladder.id));
  await settings.ensureSettings(db);
}

/** Databases known to be seeded (the marker committed), so that later calls cost nothing. */
const seeded = new WeakSet<object>();

async function seedOnce(tx: Tx, deps: Deps): Promise<boolean> {
  await seedCalendars(tx);
  const ran = await runSeedOnce(tx, 'sla-defaults', seedSlaDefaults);
  if (ran) await requestRecompute(tx, deps, { all: true });
  return ran;
}

/**
 * Seeds the SLA defaults (and the calendars they use) on first use per database — not in a start
 * hook: an app is also built on databases that are not migrated (the OpenAPI document), and the
 * job runner that the recompute needs starts after the start hooks. The first seeding asks for
 * every unfinished ticket's clocks (`sla.recompute` { all }), so that existing tickets — the
 * demo's too — get clocks. Safe with several instances (the seed marker is taken once). Every SLA
 * entry point calls it: the routes this one (outside a transaction), the listener, the jobs and
 * the sweep `ensureSlaSeededIn` (inside theirs).
 */
export async function ensureSlaSeeded(deps: Deps): Promise<void> {
  if (seeded.has(deps.database)) return;
  await deps.database.db.transaction((tx) => seedOnce(tx, deps));
  seeded.add(deps.database);
}

/** `ensureSlaSeeded` inside the caller's transaction (a listener, a job, the sweep). */
export async function ensureSlaSeededIn(tx: Tx, deps: Deps): Promise<void> {
  if (seeded.has(deps.database)) return;
  // Only a marker seen already there is known to be committed; a seeding in this transaction is
  // checked again next time (the transaction may still roll back).
  if (!(await seedOnce(tx, deps))) seeded.add(deps.database);
}

const DEMO_CHUNK = 500;

/**
 * For the demo, at first-start preparation (no app, no job runner yet): the defaults, then every
 * unfinished ticket's clocks at once, so that the demo tickets show their time limits from the
 * first page.
 */
export async function seedSlaDemo(db: DbOrTx): Promise<void> {
  await seedCalendars(db);
  await runSeedOnce(db, 'sla-defaults', seedSlaDefaults);
  let after: string | null = null;
  for (;;) {
    const ids = await unfinishedTicketIdsAfter(db, after, DEMO_CHUNK);
    for (const id of ids) await recomputeTicketClocks(db, null, id);
    if (ids.length < DEMO_CHUNK) return;
    after = ids[ids.length - 1] ?? null;
  }
}
