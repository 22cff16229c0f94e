import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventLog } from '../../../../test/events.js';
import { createTestApp, type Session, type TestApp } from '../../../../test/helpers.js';
import { createDepartment, createUser } from '../../../db/seed/factories.js';

type Priority = 'low' | 'normal' | 'high' | 'urgent';

describe('tickets: assignment (manual, round-robin, least-loaded, take) and eligibility', () => {
  let t: TestApp;
  let admin: Session;
  let sup: Session;
  let agent1: Session;
  const ids: Record<string, string> = {};
  const dept: Record<string, string> = {};
  let assigned: EventLog;

  const db = () => t.database.db;

  async function person(username: string, roleKey: string, department: string, superior?: string, active = true) {
    const user = await createUser(db(), {
      username,
      roleKey,
      departmentId: dept[department],
      superiorId: superior ? ids[superior] : null,
      isActive: active,
    });
    ids[username] = user.id;
    return user.id;
  }

  async function profile(username: string, status: 'on_shift' | 'away' | 'off', skills: string[] = []) {
    const skillList = sql.join(
      skills.map((s) => sql`${s}`),
      sql`, `,
    );
    await db().execute(sql`INSERT INTO agent_profiles (user_id, status, skills)
      VALUES (${ids[username]}::uuid, ${status}, ARRAY[${skills.length ? skillList : sql``}]::text[])`);
  }

  async function insertTickets(
    n: number,
    o: {
      typeKey: string;
      department: string;
      priority?: Priority;
      status?: string;
      assignee?: string;
      creator?: string;
    },
  ) {
    const result = await db().execute<{ id: string }>(sql`INSERT INTO tickets
        (type_key, channel, subject, description, department_id, priority, status, assignee_id, created_by)
      SELECT ${o.typeKey}, 'phone', '批量工单 ' || g, '测试工单', ${dept[o.department]}::uuid, ${o.priority ?? 'normal'},
        ${o.status ?? 'received'}, ${o.assignee ? ids[o.assignee] : null}::uuid, ${o.creator ? ids[o.creator] : null}::uuid
      FROM generate_series(1, ${n}::int) g RETURNING id`);
    return result.rows.map((r) => r.id);
  }

  const assign = (s: Session, id: string, body: Record<string, unknown>) =>
    s.post(`/api/v1/tickets/${id}/assign`, body);
  const versionOf = async (id: string) =>
    Number(
      (await db().execute<{ version: number }>(sql`SELECT version FROM tickets WHERE id = ${id}::uuid`)).rows[0]
        ?.version,
    );

  beforeAll(async () => {
    t = await createTestApp();
    const centre = await createDepartment(db(), { name: '客户服务中心' });
    dept.hotline = (await createDepartment(db(), { name: '热线组', parentId: centre.id })).id;
    dept.field = (await createDepartment(db(), { name: '现场服务组', parentId: centre.id })).id;
    dept.balance = (await createDepartment(db(), { name: '均衡组' })).id;
    dept.empty = (await createDepartment(db(), { name: '无人组' })).id;

    await person('sup', 'supervisor', 'hotline');
    for (let i = 1; i <= 7; i += 1) {
      await person(`rr${i}`, 'agent', 'hotline', 'sup');
      await profile(`rr${i}`, 'on_shift', i === 3 ? ['complaint', 'repair'] : ['complaint']);
    }
    // Never eligible for a complaint of the hotline: away, off, no skill, no profile, other
    // department, no tickets.write, disabled.
    await person('away1', 'agent', 'hotline', 'sup');
    await profile('away1', 'away', ['complaint']);
    await person('off1', 'agent', 'hotline', 'sup');
    await profile('off1', 'off', ['complaint']);
    await person('noskill', 'agent', 'hotline', 'sup');
    await profile('noskill', 'on_shift', ['billing']);
    await person('noprofile', 'agent', 'hotline', 'sup');
    await person('field1', 'field_engineer', 'field');
    await profile('field1', 'on_shift', ['complaint', 'repair']);
    await person('clerk1', 'clerk', 'hotline', 'sup');
    await profile('clerk1', 'on_shift', ['complaint']);
    await person('gone', 'agent', 'hotline', 'sup', false);
    await profile('gone', 'on_shift', ['complaint']);
    // Only ineligible people in this one.
    await person('emptyaway', 'agent', 'empty');
    await profile('emptyaway', 'away', ['complaint']);
    // Least-loaded.
    for (const name of ['lla', 'llb', 'llc']) {
      await person(name, 'agent', 'balance');
      await profile(name, 'on_shift');
    }

    admin = await t.signIn('admin');
    sup = await t.signIn('sup');
    agent1 = await t.signIn('rr1');
    assigned = new EventLog(t.database.db);
  });
  afterAll(async () => t?.close());

  it('round-robin is fair over 1,000 tickets within ±1 and never picks an ineligible agent', {
    timeout: 300_000,
  }, async () => {
    const tickets = await insertTickets(1000, { typeKey: 'complaint', department: 'hotline' });
    for (let i = 0; i < tickets.length; i += 200) {
      const r = await admin.post('/api/v1/tickets/bulk', {
        ids: tickets.slice(i, i + 200),
        action: 'assign',
        strategy: 'round_robin',
      });
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json()).toMatchObject({ succeeded: 200, failed: 0 });
    }
    const counts = await db().execute<{ username: string; n: number }>(sql`SELECT u.username, count(*)::int AS n
      FROM tickets t JOIN users u ON u.id = t.assignee_id WHERE t.id IN (${sql.join(
        tickets.map((id) => sql`${id}::uuid`),
        sql`, `,
      )}) GROUP BY u.username`);
    const byAgent = Object.fromEntries(counts.rows.map((r) => [r.username, r.n]));
    expect(Object.keys(byAgent).sort()).toEqual(['rr1', 'rr2', 'rr3', 'rr4', 'rr5', 'rr6', 'rr7']);
    const values = Object.values(byAgent);
    expect(values.reduce((a, b) => a + b, 0)).toBe(1000);
    expect(Math.max(...values) - Math.min(...values)).toBeLessThanOrEqual(1);
    // Every assignment is in the history with its strategy.
    const history = await db().execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM ticket_history WHERE action = 'assigned' AND note = 'round_robin'`,
    );
    expect(history.rows[0]?.n).toBe(1000);
  });

  it('least-loaded picks the agent with the least open work weighted by priority', async () => {
    // lla: 1 urgent = 4; llb: 3 normal = 3 (closed work does not count); llc: 7 low = 3.5.
    await insertTickets(1, { typeKey: 'consultation', department: 'balance', priority: 'urgent', assignee: 'lla' });
    await insertTickets(3, { typeKey: 'consultation', department: 'balance', assignee: 'llb' });
    await insertTickets(5, {
      typeKey: 'consultation',
      department: 'balance',
      priority: 'urgent',
      status: 'closed',
      assignee: 'llb',
    });
    await insertTickets(7, { typeKey: 'consultation', department: 'balance', priority: 'low', assignee: 'llc' });
    const fresh = await insertTickets(3, { typeKey: 'consultation', department: 'balance' });
    const picks: string[] = [];
    for (const id of fresh) {
      const r = await assign(admin, id, { version: 1, strategy: 'least_loaded' });
      expect(r.statusCode, r.body).toBe(200);
      picks.push(r.json().assignee.id);
    }
    // llb (3 → 4), then llc (3.5 → 4.5), then lla and llb tie at 4: the one assigned longest ago.
    expect(picks).toEqual([ids.llb, ids.llc, ids.lla]);
    const agents = (await admin.get(`/api/v1/agents?departmentId=${dept.balance}`)).json().items;
    expect(Object.fromEntries(agents.map((a: { username: string; load: number }) => [a.username, a.load]))).toEqual({
      lla: 5,
      llb: 4,
      llc: 4.5,
    });
  });

  it('refuses automatic assignment when nobody eligible is on shift: 409 tickets.no_agent_available', async () => {
    const [id] = await insertTickets(1, { typeKey: 'complaint', department: 'empty' });
    for (const strategy of ['round_robin', 'least_loaded']) {
      const r = await assign(admin, id as string, { version: 1, strategy });
      expect(r.statusCode).toBe(409);
      expect(r.json()).toMatchObject({ code: 'tickets.no_agent_available', params: { department: '无人组' } });
    }
    // A repair in the hotline: only rr3 has the skill; the field engineer is in another department.
    const repairs = await insertTickets(3, { typeKey: 'service', department: 'hotline' });
    for (const repair of repairs) {
      expect((await assign(sup, repair, { version: 1, strategy: 'round_robin' })).json().assignee.id).toBe(ids.rr3);
    }
    await db().execute(sql`UPDATE agent_profiles SET status = 'away' WHERE user_id = ${ids.rr3}::uuid`);
    const [another] = await insertTickets(1, { typeKey: 'service', department: 'hotline' });
    expect((await assign(sup, another as string, { version: 1, strategy: 'least_loaded' })).json().code).toBe(
      'tickets.no_agent_available',
    );
    await db().execute(sql`UPDATE agent_profiles SET status = 'on_shift' WHERE user_id = ${ids.rr3}::uuid`);
  });

  it('take, manual and unassign, with permissions, optimistic locking, history, audit and events', async () => {
    const created = await agent1.post('/api/v1/tickets', {
      typeKey: 'consultation',
      channel: 'phone',
      subject: '咨询发票开具',
      description: '客户询问如何开具增值税专用发票。',
    });
    expect(created.statusCode, created.body).toBe(201);
    const ticket = created.json();
    expect(ticket.assignee).toBeNull();
    await assigned.reset();

    const took = await assign(agent1, ticket.id, { version: ticket.version, strategy: 'take' });
    expect(took.statusCode, took.body).toBe(200);
    expect(took.json()).toMatchObject({ assignee: { id: ids.rr1 }, version: ticket.version + 1 });

    // An agent may not hand tickets to others.
    const refused = await assign(agent1, ticket.id, { version: 2, strategy: 'manual', assigneeId: ids.rr2 });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'forbidden', params: { permission: 'tickets.assign' } });
    expect((await assign(agent1, ticket.id, { version: 2, strategy: 'round_robin' })).statusCode).toBe(403);

    // The supervisor with the version read before the take: conflict.
    const stale = await assign(sup, ticket.id, { version: 1, strategy: 'manual', assigneeId: ids.rr2 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'tickets.version_conflict', params: { current: 2, given: 1 } });
    expect((await assign(sup, ticket.id, { version: 2, strategy: 'manual' })).json()).toMatchObject({
      code: 'validation_failed',
      errors: [{ path: 'assigneeId' }],
    });
    const clerk = await assign(sup, ticket.id, { version: 2, strategy: 'manual', assigneeId: ids.clerk1 });
    expect(clerk.json().code).toBe('tickets.assignee_not_eligible');
    const manual = await assign(sup, ticket.id, { version: 2, strategy: 'manual', assigneeId: ids.rr2 });
    expect(manual.statusCode, manual.body).toBe(200);
    expect(manual.json()).toMatchObject({ assignee: { id: ids.rr2 }, version: 3 });

    // Taking a colleague's ticket needs tickets.assign.
    const grab = await assign(agent1, ticket.id, { version: 3, strategy: 'take' });
    expect(grab.statusCode).toBe(403);
    // The same assignee again changes nothing.
    const same = await assign(sup, ticket.id, { version: 3, strategy: 'manual', assigneeId: ids.rr2 });
    expect(same.json().version).toBe(3);
    const unassigned = await assign(sup, ticket.id, { version: 3, strategy: 'unassign' });
    expect(unassigned.json()).toMatchObject({ assignee: null, version: 4 });

    expect(
      (await assigned.list('ticket.assigned')).map((e) => [
        e.payload.strategy,
        e.payload.assigneeId,
        e.payload.previousAssigneeId,
      ]),
    ).toEqual([
      ['take', ids.rr1, null],
      ['manual', ids.rr2, ids.rr1],
      ['unassign', null, ids.rr2],
    ]);
    const history = (await agent1.get(`/api/v1/tickets/${ticket.id}/history`)).json();
    expect(
      history
        .filter((h: { action: string }) => h.action === 'assigned')
        .map((h: { note: string; after: unknown }) => [h.note, h.after]),
    ).toEqual([
      ['take', { assigneeId: ids.rr1 }],
      ['manual', { assigneeId: ids.rr2 }],
      ['unassign', { assigneeId: null }],
    ]);
    const audit = await db().execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'ticket.assigned' AND entity_id = ${ticket.id}`,
    );
    expect(audit.rows[0]?.n).toBe(3);
    // rr2 is told in-app; rr1 took it and is not told about their own action.
    const notices = await db().execute<{ recipient: string }>(
      sql`SELECT recipient FROM notifications WHERE ref = ${`ticket:${ticket.id}/assigned`}`,
    );
    expect(notices.rows.map((n) => n.recipient)).toEqual([ids.rr2]);
    // Manual and take count as turns: round-robin comes back to them last.
    const stamped = await db().execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM agent_profiles WHERE user_id IN (${ids.rr1}::uuid, ${ids.rr2}::uuid)
        AND last_assigned_at IS NOT NULL`,
    );
    expect(stamped.rows[0]?.n).toBe(2);
  });

  it('answers 404 out of scope, and refuses closed tickets', async () => {
    const [foreign] = await insertTickets(1, { typeKey: 'consultation', department: 'field', creator: 'field1' });
    const r = await assign(sup, foreign as string, { version: 1, strategy: 'manual', assigneeId: ids.rr1 });
    expect(r.statusCode).toBe(404);
    expect(r.json().code).toBe('tickets.not_found');
    const [closed] = await insertTickets(1, { typeKey: 'consultation', department: 'hotline', status: 'closed' });
    const c = await assign(admin, closed as string, { version: 1, strategy: 'manual', assigneeId: ids.rr1 });
    expect(c.statusCode).toBe(409);
    expect(c.json()).toMatchObject({ code: 'tickets.transition_not_allowed', params: { action: 'assign' } });
    expect(await versionOf(closed as string)).toBe(1);
  });
});
