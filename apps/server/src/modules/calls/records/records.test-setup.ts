import { createTestApp, type Session, type TestApp } from '../../../../test/helpers.js';
import { calls, roles } from '../../../db/schema/index.js';
import { createDepartment, createUser } from '../../../db/seed/factories.js';

/**
 * A world for the call records and KPI tests: a supervisor (team scope) with agent A in their team,
 * agent B in another department, a general manager (all scope, calls.read only), an `agent` without
 * calls.read, and "A" signed in with an own-scope role that may read calls and write tickets.
 */
export type CallWorld = {
  t: TestApp;
  admin: Session;
  sup: Session;
  gm: Session;
  plainAgent: Session;
  /** Agent A with the own-scope role `call_agent` (calls.read, tickets.read, tickets.write). */
  agentA: Session;
  ids: { agentA: string; agentB: string; sup: string };
  insertCalls(rows: CallRow[]): Promise<string[]>;
};

export type CallRow = Partial<typeof calls.$inferInsert> & {
  queue: string;
  enteredAt: Date;
  outcome: (typeof calls.$inferInsert)['outcome'];
};

let sequence = 0;

export async function callWorld(): Promise<CallWorld> {
  const t = await createTestApp({ config: { timezone: 'Asia/Shanghai' } });
  const db = t.database.db;
  await db.insert(roles).values({
    key: 'call_agent',
    name: '话务坐席',
    permissions: ['calls.read', 'tickets.read', 'tickets.write', 'customers.read'],
    dataScope: 'own',
  });
  const team = await createDepartment(db, { name: '热线一组' });
  const other = await createDepartment(db, { name: '热线二组' });
  const sup = await createUser(db, {
    username: 'callsup',
    displayName: '赵主管',
    roleKey: 'supervisor',
    departmentId: team.id,
  });
  const agentA = await createUser(db, {
    username: 'callagenta',
    displayName: '钱坐席',
    roleKey: 'call_agent',
    departmentId: team.id,
    superiorId: sup.id,
  });
  const agentB = await createUser(db, {
    username: 'callagentb',
    displayName: '孙坐席',
    roleKey: 'agent',
    departmentId: other.id,
  });
  await createUser(db, { username: 'callgm', displayName: '李总', roleKey: 'general_manager' });
  await createUser(db, { username: 'plainagent', displayName: '周坐席', roleKey: 'agent', departmentId: team.id });
  return {
    t,
    admin: await t.signIn('admin'),
    sup: await t.signIn('callsup'),
    gm: await t.signIn('callgm'),
    plainAgent: await t.signIn('plainagent'),
    agentA: await t.signIn('callagenta'),
    ids: { agentA: agentA.id, agentB: agentB.id, sup: sup.id },
    async insertCalls(rows) {
      const inserted = await db
        .insert(calls)
        .values(
          rows.map((row) => {
            sequence += 1;
            return { source: 'asterisk-queue-log' as const, externalId: `t.${sequence}`, ...row };
          }),
        )
        .returning({ id: calls.id });
      return inserted.map((r) => r.id);
    },
  };
}
