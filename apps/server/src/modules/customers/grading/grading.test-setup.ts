import type { SQL } from 'drizzle-orm';
import { expect } from 'vitest';
import { EventLog } from '../../../../test/events.js';
import { createTestApp, type Session, type TestApp } from '../../../../test/helpers.js';
import { createDepartment, createUser } from '../../../db/seed/factories.js';
import { roles } from '../../roles/roles.tables.js';

export const SCORES_86 = { business_importance: 90, market_influence: 80, payment_timeliness: 70, satisfaction: 100 };
export const SCORES_60 = { business_importance: 60, market_influence: 60, payment_timeliness: 60, satisfaction: 60 };

export type GradingFixture = {
  t: TestApp;
  admin: Session;
  /** Supervisor (team scope) of the three below. */
  sup: Session;
  /** Agents (own scope, no customers.evaluate). */
  agentA: Session;
  agentB: Session;
  /** An agent who may evaluate, with the "own" data scope. */
  evaluatorA: Session;
  /** Customer `a` (owner evaluatorA) and `b` (owner agentB), both grade B. */
  ids: { a: string; b: string };
  /** Every domain event emitted (drain the bus before reading). */
  events: EventLog;
  count(query: SQL): Promise<number>;
};

/** One hotline team for the grading tests (a test file helper, not a test file). */
export async function setupGrading(): Promise<GradingFixture> {
  const t = await createTestApp();
  const events = new EventLog(t.database.db);
  const db = t.database.db;
  await db.insert(roles).values({
    key: 'agent_evaluator',
    name: '评定专员',
    permissions: ['customers.read', 'customers.write', 'customers.evaluate'],
    dataScope: 'own',
  });
  const hotline = await createDepartment(db, { name: '热线组' });
  const supervisor = await createUser(db, { username: 'gsup', roleKey: 'supervisor', departmentId: hotline.id });
  const member = { departmentId: hotline.id, superiorId: supervisor.id };
  await createUser(db, { username: 'gagenta', roleKey: 'agent', ...member });
  await createUser(db, { username: 'gagentb', roleKey: 'agent', ...member });
  await createUser(db, { username: 'gevala', roleKey: 'agent_evaluator', ...member });
  const [admin, sup, agentA, agentB, evaluatorA] = await Promise.all(
    ['admin', 'gsup', 'gagenta', 'gagentb', 'gevala'].map((u) => t.signIn(u)),
  );
  const mk = async (s: Session | undefined, name: string) => {
    const r = await (s as Session).post('/api/v1/customers', { kind: 'company', name, grade: 'B' });
    expect(r.statusCode, r.body).toBe(201);
    return r.json().id as string;
  };
  const ids = { a: await mk(evaluatorA, '上海华信医疗器械有限公司'), b: await mk(agentB, '杭州明远广告传媒有限公司') };
  return {
    t,
    admin: admin as Session,
    sup: sup as Session,
    agentA: agentA as Session,
    agentB: agentB as Session,
    evaluatorA: evaluatorA as Session,
    ids,
    events,
    count: async (query) => Number((await db.execute<{ n: number }>(query)).rows[0]?.n),
  };
}
