import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventLog } from '../../../../test/events.js';
import { createTestApp, type Session, type TestApp } from '../../../../test/helpers.js';
import { seedDemoOrganisation } from '../../../db/seed/demo.js';
import { seedDemoAgents } from '../../../db/seed/demo-agents.js';
import { createDepartment, createUser } from '../../../db/seed/factories.js';

type AgentItem = { username: string; status: string; skills: string[]; openTickets: number; load: number };

describe('agents: availability, skills and load, scoped', () => {
  let t: TestApp;
  let admin: Session;
  let sup: Session;
  let agentA: Session;
  let mgr: Session;
  const ids: Record<string, string> = {};
  const dept: Record<string, string> = {};
  let events: EventLog;

  const db = () => t.database.db;
  const names = (items: AgentItem[]) => items.map((a) => a.username).sort();
  const put = (s: Session, url: string, body: Record<string, unknown>) => s.inject('PUT', url, body);

  beforeAll(async () => {
    t = await createTestApp();
    const centre = await createDepartment(db(), { name: '客户服务中心' });
    dept.centre = centre.id;
    dept.hotline = (await createDepartment(db(), { name: '热线组', parentId: centre.id })).id;
    dept.field = (await createDepartment(db(), { name: '现场服务组', parentId: centre.id })).id;
    dept.south = (await createDepartment(db(), { name: '华南分部' })).id;
    const add = async (username: string, roleKey: string, department: string, superior?: string, isActive = true) => {
      ids[username] = (
        await createUser(db(), {
          username,
          roleKey,
          departmentId: dept[department],
          superiorId: superior ? ids[superior] : null,
          isActive,
        })
      ).id;
    };
    await add('mgr', 'department_manager', 'centre');
    await add('sup', 'supervisor', 'hotline', 'mgr');
    await add('agenta', 'agent', 'hotline', 'sup');
    await add('agentb', 'agent', 'hotline', 'sup');
    await add('clerk', 'clerk', 'hotline', 'sup');
    await add('gone', 'agent', 'hotline', 'sup', false);
    await add('fieldsup', 'supervisor', 'field', 'mgr');
    await add('engineer', 'field_engineer', 'field', 'fieldsup');
    await add('southagent', 'agent', 'south');
    admin = await t.signIn('admin');
    sup = await t.signIn('sup');
    agentA = await t.signIn('agenta');
    mgr = await t.signIn('mgr');
    events = new EventLog(t.database.db);
    await events.reset();
  });
  afterAll(async () => t?.close());

  it('lists the people who can work on tickets within the caller’s data scope', async () => {
    const all = (await admin.get('/api/v1/agents')).json().items as AgentItem[];
    // No clerk (no tickets.write), nobody disabled.
    expect(names(all)).toEqual(['admin', 'agenta', 'agentb', 'engineer', 'fieldsup', 'mgr', 'southagent', 'sup']);
    expect(all.find((a) => a.username === 'agenta')).toMatchObject({
      status: 'off',
      skills: [],
      openTickets: 0,
      load: 0,
      departmentName: '热线组',
    });
    expect(names((await sup.get('/api/v1/agents')).json().items)).toEqual(['agenta', 'agentb', 'sup']);
    expect(names((await agentA.get('/api/v1/agents')).json().items)).toEqual(['agenta']);
    expect(names((await mgr.get('/api/v1/agents')).json().items)).toEqual([
      'agenta',
      'agentb',
      'engineer',
      'fieldsup',
      'mgr',
      'sup',
    ]);
    expect(names((await mgr.get(`/api/v1/agents?departmentId=${dept.field}`)).json().items)).toEqual([
      'engineer',
      'fieldsup',
    ]);
  });

  it('counts open tickets and weighs them by priority', async () => {
    await db().execute(sql`INSERT INTO tickets (type_key, channel, subject, description, priority, status, assignee_id)
      VALUES ('consultation', 'phone', '一', '一', 'urgent', 'received', ${ids.agentb}::uuid),
             ('consultation', 'phone', '二', '二', 'low', 'investigating', ${ids.agentb}::uuid),
             ('consultation', 'phone', '三', '三', 'high', 'resolved', ${ids.agentb}::uuid)`);
    const items = (await sup.get('/api/v1/agents')).json().items as AgentItem[];
    expect(items.find((a) => a.username === 'agentb')).toMatchObject({ openTickets: 2, load: 4.5 });
  });

  it('lets every agent set their own status, announced to the browsers', async () => {
    const r = await put(agentA, '/api/v1/agents/me/status', { status: 'on_shift' });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ userId: ids.agenta, status: 'on_shift', skills: [] });
    await put(agentA, '/api/v1/agents/me/status', { status: 'on_shift' });
    expect((await put(agentA, '/api/v1/agents/me/status', { status: 'busy' })).statusCode).toBe(400);
    await put(agentA, '/api/v1/agents/me/status', { status: 'away' });
    // Only real changes are announced.
    expect((await events.list('agent.status_changed')).map((e) => [e.payload.userId, e.payload.status])).toEqual([
      [ids.agenta, 'on_shift'],
      [ids.agenta, 'away'],
    ]);
    expect(names((await sup.get('/api/v1/agents?status=away')).json().items)).toEqual(['agenta']);
    const audit = await db().execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'agent.status_changed' AND entity_id = ${ids.agenta}`,
    );
    expect(audit.rows[0]?.n).toBe(3);
  });

  it('lets a supervisor set status and skills of agents in scope only', async () => {
    const r = await put(sup, `/api/v1/agents/${ids.agentb}`, {
      status: 'on_shift',
      skills: ['complaint', 'repair', 'complaint'],
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ status: 'on_shift', skills: ['complaint', 'repair'], openTickets: 2 });
    const skillsOnly = await put(sup, `/api/v1/agents/${ids.agentb}`, { skills: ['repair'] });
    expect(skillsOnly.json()).toMatchObject({ status: 'on_shift', skills: ['repair'] });
    expect(names((await sup.get('/api/v1/agents?skill=repair')).json().items)).toEqual(['agentb']);

    expect((await put(sup, `/api/v1/agents/${ids.engineer}`, { status: 'on_shift' })).statusCode).toBe(404);
    expect((await put(admin, `/api/v1/agents/${ids.clerk}`, { status: 'on_shift' })).json().code).toBe(
      'users.not_found',
    );
    const bad = await put(sup, `/api/v1/agents/${ids.agentb}`, { skills: ['Bad Skill'] });
    expect(bad.statusCode).toBe(400);
    const agentTries = await put(agentA, `/api/v1/agents/${ids.agentb}`, { status: 'off' });
    expect(agentTries.statusCode).toBe(403);
    expect(agentTries.json().params.permission).toBe('tickets.assign');

    // Automatic assignment follows: agent B (on shift, repair) gets the repair; A is away. Choosing
    // a strategy at creation is assigning (tickets.assign, as POST /tickets/:id/assign — issue 10,
    // defect 6): the supervisor may, agent A may not.
    const repair = {
      typeKey: 'service',
      channel: 'phone',
      subject: '空调报修',
      description: '客户家中空调不制冷，需上门检修。',
      assign: 'round_robin',
    };
    const byAgent = await agentA.post('/api/v1/tickets', repair);
    expect([byAgent.statusCode, byAgent.json().params?.permission]).toEqual([403, 'tickets.assign']);
    const ticket = await sup.post('/api/v1/tickets', repair);
    expect(ticket.statusCode, ticket.body).toBe(201);
    expect(ticket.json().assignee.id).toBe(ids.agentb);
  });

  it('seeds the demo agents once: most on shift, a few away, complaint and repair skills', async () => {
    await seedDemoOrganisation(db());
    await seedDemoAgents(db());
    const rows = await db().execute<{ username: string; status: string; skills: string[] }>(sql`SELECT u.username,
        ap.status, ap.skills FROM agent_profiles ap JOIN users u ON u.id = ap.user_id
      WHERE u.email LIKE '%@demo.kefu.local'`);
    expect(rows.rows.length).toBe(13);
    const onShift = rows.rows.filter((r) => r.status === 'on_shift').length;
    expect(onShift).toBeGreaterThan(rows.rows.length / 2);
    expect(rows.rows.some((r) => r.status === 'away')).toBe(true);
    for (const skill of ['complaint', 'repair']) {
      expect(rows.rows.filter((r) => r.status === 'on_shift' && r.skills.includes(skill)).length).toBeGreaterThan(1);
    }
  });
});
