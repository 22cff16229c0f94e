import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../../test/helpers.js';
import { createDepartment, createUser } from '../../../db/seed/factories.js';

type Item = {
  userId: string;
  displayName: string;
  status: string;
  skills: string[];
  matchesSkill: boolean;
  openTickets: number;
  load: number;
  overdue: number;
  suggested: boolean;
};

describe('tickets: assignees (who may take a ticket, with status, load, overdue work and the automatic pick)', () => {
  let t: TestApp;
  let admin: Session;
  let sup: Session;
  let agent: Session;
  const ids: Record<string, string> = {};
  const dept: Record<string, string> = {};
  const db = () => t.database.db;
  const nameOf = (id: string) => Object.keys(ids).find((k) => ids[k] === id);

  async function person(username: string, roleKey: string, department: string, superior?: string, isActive = true) {
    ids[username] = (
      await createUser(db(), {
        username,
        displayName: username,
        roleKey,
        departmentId: dept[department],
        superiorId: superior ? ids[superior] : null,
        isActive,
      })
    ).id;
  }
  async function profile(username: string, status: 'on_shift' | 'away' | 'off', skills: string[]) {
    await db().execute(sql`INSERT INTO agent_profiles (user_id, status, skills)
      VALUES (${ids[username]}::uuid, ${status}, ${`{${skills.join(',')}}`}::text[])
      ON CONFLICT (user_id) DO UPDATE SET status = EXCLUDED.status, skills = EXCLUDED.skills`);
  }
  async function ticket(o: {
    department: string;
    assignee?: string;
    creator?: string;
    status?: string;
    nextReply?: string; // SQL interval from now, e.g. '-1 hour'
    slaState?: string;
  }) {
    const result = await db().execute<{ id: string }>(sql`INSERT INTO tickets
        (type_key, channel, subject, description, department_id, priority, status, assignee_id, created_by,
         next_reply_at, sla_state)
      VALUES ('complaint', 'phone', '分派候选', '测试', ${dept[o.department]}::uuid, 'normal', ${o.status ?? 'received'},
        ${o.assignee ? ids[o.assignee] : null}::uuid, ${o.creator ? ids[o.creator] : null}::uuid,
        CASE WHEN ${o.nextReply ?? null}::text IS NULL THEN NULL ELSE now() + ${o.nextReply ?? null}::interval END,
        ${o.slaState ?? null})
      RETURNING id`);
    return result.rows[0]?.id as string;
  }
  const candidates = async (s: Session, id: string, strategy = 'least_loaded') => {
    const r = await s.get(`/api/v1/tickets/${id}/assignees?strategy=${strategy}`);
    expect(r.statusCode, r.body).toBe(200);
    return r.json() as { skill: string | null; strategy: string; items: Item[] };
  };
  const versionOf = async (id: string) =>
    Number(
      (await db().execute<{ version: number }>(sql`SELECT version FROM tickets WHERE id = ${id}::uuid`)).rows[0]
        ?.version,
    );
  const autoAssign = async (s: Session, id: string, strategy: string) => {
    const r = await s.post(`/api/v1/tickets/${id}/assign`, { version: await versionOf(id), strategy });
    expect(r.statusCode, r.body).toBe(200);
    return r.json().assignee?.id as string;
  };

  beforeAll(async () => {
    t = await createTestApp();
    const centre = await createDepartment(db(), { name: '客户服务中心' });
    dept.hotline = (await createDepartment(db(), { name: '热线组', parentId: centre.id })).id;
    dept.field = (await createDepartment(db(), { name: '现场服务组', parentId: centre.id })).id;
    dept.south = (await createDepartment(db(), { name: '华南分部' })).id;
    await person('sup', 'supervisor', 'hotline');
    await person('a1', 'agent', 'hotline', 'sup');
    await profile('a1', 'on_shift', ['complaint']);
    await person('a2', 'agent', 'hotline', 'sup');
    await profile('a2', 'on_shift', ['complaint', 'repair']);
    await person('a3', 'agent', 'hotline', 'sup');
    await profile('a3', 'on_shift', ['billing']);
    await person('a4', 'agent', 'hotline', 'sup');
    await profile('a4', 'away', ['complaint']);
    await person('a5', 'agent', 'hotline', 'sup'); // no profile: off
    await person('clerk', 'clerk', 'hotline', 'sup'); // no tickets.write
    await person('gone', 'agent', 'hotline', 'sup', false);
    await profile('gone', 'on_shift', ['complaint']);
    await person('fieldagent', 'agent', 'field');
    await profile('fieldagent', 'on_shift', ['complaint']);
    await person('southagent', 'agent', 'south');
    await profile('southagent', 'on_shift', ['complaint']);

    // a1: one open ticket, not overdue.
    await ticket({ department: 'hotline', assignee: 'a1', nextReply: '2 hours' });
    // a2: five open tickets, three overdue; a finished one that would be overdue if it were open.
    await ticket({ department: 'hotline', assignee: 'a2', nextReply: '-1 hour' });
    await ticket({ department: 'hotline', assignee: 'a2', nextReply: '3 hours', slaState: 'breached' });
    await ticket({ department: 'hotline', assignee: 'a2', nextReply: '-5 minutes', slaState: 'breached' });
    await ticket({ department: 'hotline', assignee: 'a2', nextReply: '1 hour', slaState: 'warning' });
    await ticket({ department: 'hotline', assignee: 'a2', status: 'investigating' });
    await ticket({
      department: 'hotline',
      assignee: 'a2',
      status: 'resolved',
      nextReply: '-1 day',
      slaState: 'breached',
    });

    admin = await t.signIn('admin');
    sup = await t.signIn('sup');
    agent = await t.signIn('a1');
  });
  afterAll(async () => t?.close());

  it('lists whom the supervisor may assign to: on shift first, then the suggestion, then load', async () => {
    const id = await ticket({ department: 'hotline', creator: 'sup' });
    const list = await candidates(sup, id);
    expect(list.skill).toBe('complaint');
    expect(list.strategy).toBe('least_loaded');
    expect(list.items.map((i) => nameOf(i.userId))).toEqual(['a1', 'a3', 'a2', 'a4', 'a5', 'sup']);
    const by = Object.fromEntries(list.items.map((i) => [nameOf(i.userId), i]));
    expect(by.a1).toMatchObject({
      status: 'on_shift',
      matchesSkill: true,
      openTickets: 1,
      load: 1,
      overdue: 0,
      suggested: true,
    });
    expect(by.a2).toMatchObject({ matchesSkill: true, openTickets: 5, load: 5, overdue: 3, suggested: false });
    expect(by.a3).toMatchObject({ matchesSkill: false, load: 0, suggested: false });
    expect(by.a4).toMatchObject({ status: 'away', matchesSkill: true });
    expect(by.a5).toMatchObject({ status: 'off', skills: [], matchesSkill: false });
    expect(list.items.filter((i) => i.suggested)).toHaveLength(1);
  });

  it('the agents list counts overdue work the same way', async () => {
    const items = (await sup.get('/api/v1/agents')).json().items as (Item & { username: string })[];
    expect(Object.fromEntries(items.map((a) => [a.username, a.overdue]))).toEqual({
      a1: 0,
      a2: 3,
      a3: 0,
      a4: 0,
      a5: 0,
      sup: 0,
    });
  });

  it('suggests exactly whom automatic assignment then picks', async () => {
    for (const strategy of ['least_loaded', 'round_robin', 'least_loaded', 'round_robin']) {
      const id = await ticket({ department: 'hotline', creator: 'sup' });
      const suggested = (await candidates(sup, id, strategy)).items.find((i) => i.suggested);
      expect(suggested).toBeDefined();
      expect(await autoAssign(sup, id, strategy)).toBe(suggested?.userId);
    }
    // With a1 away, the pick moves to a2; a skill nobody on shift has means no suggestion.
    await profile('a1', 'away', ['complaint']);
    const id = await ticket({ department: 'hotline', creator: 'sup' });
    const list = await candidates(sup, id);
    expect(nameOf(list.items.find((i) => i.suggested)?.userId ?? '')).toBe('a2');
    expect(list.items.map((i) => i.status)).toEqual(['on_shift', 'on_shift', 'away', 'away', 'off', 'off']);
    expect(await autoAssign(sup, id, 'least_loaded')).toBe(ids.a2);
    await profile('a2', 'off', ['complaint']);
    const none = await ticket({ department: 'hotline', creator: 'sup' });
    expect((await candidates(sup, none)).items.some((i) => i.suggested)).toBe(false);
    await profile('a1', 'on_shift', ['complaint']);
    await profile('a2', 'on_shift', ['complaint', 'repair']);
  });

  it('keeps to the caller’s scope: no ticket outside it, no candidate beyond whom they may assign', async () => {
    const south = await ticket({ department: 'south' });
    expect((await sup.get(`/api/v1/tickets/${south}/assignees`)).statusCode).toBe(404);
    const adminList = await candidates(admin, south);
    expect(adminList.items.find((i) => i.suggested)?.userId).toBe(ids.southagent);
    const adminNames = adminList.items.map((i) => nameOf(i.userId) ?? 'other');
    expect(adminNames).toEqual(expect.arrayContaining(['southagent', 'fieldagent', 'a1', 'sup']));
    expect(adminNames).not.toContain('clerk');
    expect(adminNames).not.toContain('gone');

    // A field ticket the supervisor created: visible, but the automatic pick (fieldagent) is not
    // someone they may assign to, so nobody is marked.
    const field = await ticket({ department: 'field', creator: 'sup' });
    const list = await candidates(sup, field);
    const agents = ((await sup.get('/api/v1/agents')).json().items as { userId: string }[]).map((a) => a.userId);
    expect(list.items.map((i) => i.userId).sort()).toEqual(agents.sort());
    expect(list.items.some((i) => i.suggested)).toBe(false);
    for (const i of list.items) {
      const r = await sup.post(`/api/v1/tickets/${field}/assign`, {
        version: await versionOf(field),
        strategy: 'manual',
        assigneeId: i.userId,
      });
      expect(r.statusCode, r.body).toBe(200);
    }
    // Outsiders are refused by the assign use case, and never offered.
    const refused = await sup.post(`/api/v1/tickets/${field}/assign`, {
      version: await versionOf(field),
      strategy: 'manual',
      assigneeId: ids.fieldagent,
    });
    expect(refused.statusCode).toBe(404);
    expect((await agent.get(`/api/v1/tickets/${field}/assignees`)).statusCode).toBe(403);
  });
});
