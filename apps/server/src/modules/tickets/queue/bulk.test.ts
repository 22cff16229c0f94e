import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../../test/helpers.js';
import { createDepartment, createUser } from '../../../db/seed/factories.js';

const MISSING = '3f6c1b4e-2a5d-4c8e-9f01-7b2d6e8a9c4d';

describe('tickets: bulk actions and watchers', () => {
  let t: TestApp;
  let sup: Session;
  let agentA: Session;
  let gm: Session;
  let outsider: Session;
  let admin: Session;
  const ids: Record<string, string> = {};
  const tk = {} as { a1: string; a2: string; foreign: string; closed: string; merged: string };

  const db = () => t.database.db;
  const row = async (id: string) =>
    (
      await db().execute<{ assignee_id: string | null; priority: string; tags: string[]; version: number }>(
        sql`SELECT assignee_id, priority, tags, version FROM tickets WHERE id = ${id}::uuid`,
      )
    ).rows[0];

  async function create(s: Session, subject: string) {
    const r = await s.post('/api/v1/tickets', {
      typeKey: 'consultation',
      channel: 'phone',
      subject,
      description: `${subject}：客户来电咨询。`,
    });
    expect(r.statusCode, r.body).toBe(201);
    return r.json().id as string;
  }

  beforeAll(async () => {
    t = await createTestApp();
    const hotline = await createDepartment(db(), { name: '热线组' });
    const south = await createDepartment(db(), { name: '华南分部' });
    const supUser = await createUser(db(), { username: 'sup', roleKey: 'supervisor', departmentId: hotline.id });
    ids.sup = supUser.id;
    for (const name of ['agenta', 'agentb']) {
      ids[name] = (
        await createUser(db(), { username: name, roleKey: 'agent', departmentId: hotline.id, superiorId: supUser.id })
      ).id;
    }
    ids.outsider = (await createUser(db(), { username: 'outsider', roleKey: 'agent', departmentId: south.id })).id;
    ids.gm = (await createUser(db(), { username: 'gm', roleKey: 'general_manager' })).id;
    ids.gone = (await createUser(db(), { username: 'gone', roleKey: 'agent', isActive: false })).id;
    sup = await t.signIn('sup');
    agentA = await t.signIn('agenta');
    gm = await t.signIn('gm');
    outsider = await t.signIn('outsider');
    admin = await t.signIn('admin');
    tk.a1 = await create(agentA, '咨询一');
    tk.a2 = await create(agentA, '咨询二');
    tk.foreign = await create(outsider, '外部门咨询');
    tk.closed = await create(agentA, '已关闭咨询');
    await db().execute(sql`UPDATE tickets SET status = 'closed' WHERE id = ${tk.closed}::uuid`);
    tk.merged = await create(agentA, '重复咨询');
    await db().execute(
      sql`UPDATE tickets SET status = 'merged', merged_into_id = ${tk.a2}::uuid WHERE id = ${tk.merged}::uuid`,
    );
  });
  afterAll(async () => t?.close());

  it('assigns what it can and reports the rest per id; a failure does not undo the others', async () => {
    const r = await sup.post('/api/v1/tickets/bulk', {
      ids: [tk.a1, tk.foreign, MISSING, tk.closed, tk.a2, tk.a1],
      action: 'assign',
      assigneeId: ids.agentb,
    });
    expect(r.statusCode, r.body).toBe(200);
    const body = r.json();
    expect(body).toMatchObject({ succeeded: 2, failed: 3 });
    expect(body.results.map((x: { id: string; ok: boolean; code: string | null }) => [x.id, x.ok, x.code])).toEqual([
      [tk.a1, true, null],
      [tk.foreign, false, 'tickets.not_found'],
      [MISSING, false, 'tickets.not_found'],
      [tk.closed, false, 'tickets.transition_not_allowed'],
      [tk.a2, true, null],
    ]);
    expect(body.results[1].message).toContain('找不到该工单');
    expect((await row(tk.a1))?.assignee_id).toBe(ids.agentb);
    expect((await row(tk.a2))?.assignee_id).toBe(ids.agentb);
    expect((await row(tk.foreign))?.assignee_id).toBeNull();
    // Bulk writes bump the version: an editor who read before must reload.
    expect((await row(tk.a1))?.version).toBe(2);

    // A failure in the middle of a batch (no agent on shift) leaves the rest done.
    const auto = await sup.post('/api/v1/tickets/bulk', { ids: [tk.a1], action: 'assign', strategy: 'round_robin' });
    expect(auto.json().results[0]).toMatchObject({ ok: false, code: 'tickets.no_agent_available' });
  });

  it('changes priority and adds tags without versions, recorded in the history', async () => {
    const p = await sup.post('/api/v1/tickets/bulk', {
      ids: [tk.a1, tk.a2, tk.foreign, tk.merged],
      action: 'priority',
      priority: 'urgent',
    });
    expect(p.json()).toMatchObject({ succeeded: 2, failed: 2 });
    expect(p.json().results[3]).toMatchObject({ ok: false, code: 'tickets.ticket_merged' });
    expect((await row(tk.a2))?.priority).toBe('urgent');
    const tag = await agentA.post('/api/v1/tickets/bulk', { ids: [tk.a1, tk.a2], action: 'add_tag', tag: '发票' });
    expect(tag.json()).toMatchObject({ succeeded: 2, failed: 0 });
    // Again: nothing changes (the tag is there), still ok.
    await agentA.post('/api/v1/tickets/bulk', { ids: [tk.a1], action: 'add_tag', tag: '发票' });
    expect((await row(tk.a1))?.tags).toEqual(['发票']);
    const history = (await agentA.get(`/api/v1/tickets/${tk.a1}/history`)).json();
    expect(
      history.filter((h: { note: string | null }) => h.note === 'bulk').map((h: { after: unknown }) => h.after),
    ).toEqual([{ priority: 'urgent' }, { tags: ['发票'] }]);
  });

  it('checks the request as a whole: permissions and required fields', async () => {
    // An agent may not assign to others, nor may a reader change priorities.
    const a = await agentA.post('/api/v1/tickets/bulk', { ids: [tk.a1], action: 'assign', assigneeId: ids.agenta });
    expect(a.statusCode).toBe(403);
    expect(a.json().params.permission).toBe('tickets.assign');
    const g = await gm.post('/api/v1/tickets/bulk', { ids: [tk.a1], action: 'priority', priority: 'low' });
    expect(g.statusCode).toBe(403);
    expect(g.json().params.permission).toBe('tickets.write');
    const missing = await sup.post('/api/v1/tickets/bulk', { ids: [tk.a1], action: 'priority' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors).toEqual([{ path: 'priority', message: expect.any(String) }]);
    const many = Array.from({ length: 201 }, () => MISSING);
    expect((await sup.post('/api/v1/tickets/bulk', { ids: many, action: 'watch' })).statusCode).toBe(400);
    expect((await row(tk.a1))?.priority).toBe('urgent');
    // An agent takes their own tickets in bulk.
    const take = await agentA.post('/api/v1/tickets/bulk', { ids: [tk.a1], action: 'assign', strategy: 'take' });
    expect(take.json().results[0]).toMatchObject({ ok: false, code: 'forbidden' });
    const fresh = await create(agentA, '新咨询');
    const mine = await agentA.post('/api/v1/tickets/bulk', { ids: [fresh], action: 'assign', strategy: 'take' });
    expect(mine.json()).toMatchObject({ succeeded: 1 });
    expect((await row(fresh))?.assignee_id).toBe(ids.agenta);
  });

  it('watchers: yourself with tickets.read, others with tickets.write; watching puts the ticket in scope', async () => {
    // The general manager reads every ticket and may watch one, in bulk or alone.
    const bulk = await gm.post('/api/v1/tickets/bulk', { ids: [tk.a1, tk.a2], action: 'watch' });
    expect(bulk.json()).toMatchObject({ succeeded: 2 });
    const forOther = await gm.post(`/api/v1/tickets/${tk.foreign}/watchers`, { userId: ids.agenta });
    expect(forOther.statusCode).toBe(403);
    expect(forOther.json().params.permission).toBe('tickets.write');

    // The outsider cannot see agent A's ticket… until someone whose scope covers them adds them as
    // a watcher: not the supervisor (the outsider is not of her team: 404, issue 10 defect 6), the
    // administrator.
    expect((await outsider.get(`/api/v1/tickets/${tk.a1}`)).statusCode).toBe(404);
    const notHers = await sup.post(`/api/v1/tickets/${tk.a1}/watchers`, { userId: ids.outsider });
    expect([notHers.statusCode, notHers.json().code]).toEqual([404, 'users.not_found']);
    const added = await admin.post(`/api/v1/tickets/${tk.a1}/watchers`, { userId: ids.outsider });
    expect(added.statusCode, added.body).toBe(200);
    expect(added.json().map((w: { id: string }) => w.id)).toEqual([ids.gm, ids.outsider]);
    expect((await outsider.get(`/api/v1/tickets/${tk.a1}`)).statusCode).toBe(200);
    // Twice is once.
    expect((await admin.post(`/api/v1/tickets/${tk.a1}/watchers`, { userId: ids.outsider })).json()).toHaveLength(2);

    const gone = await admin.post(`/api/v1/tickets/${tk.a1}/watchers`, { userId: ids.gone });
    expect(gone.json().code).toBe('tickets.watcher_not_eligible');
    expect((await admin.post(`/api/v1/tickets/${tk.a1}/watchers`, { userId: MISSING })).json().code).toBe(
      'users.not_found',
    );
    expect((await agentA.post(`/api/v1/tickets/${tk.foreign}/watchers`, { userId: ids.agenta })).statusCode).toBe(404);

    // Removing: someone else needs tickets.write; yourself is fine.
    expect((await gm.delete(`/api/v1/tickets/${tk.a1}/watchers/${ids.outsider}`)).statusCode).toBe(403);
    const left = await outsider.delete(`/api/v1/tickets/${tk.a1}/watchers/${ids.outsider}`);
    expect(left.statusCode, left.body).toBe(200);
    expect(left.json().map((w: { id: string }) => w.id)).toEqual([ids.gm]);
    expect((await outsider.get(`/api/v1/tickets/${tk.a1}`)).statusCode).toBe(404);

    const history = (await sup.get(`/api/v1/tickets/${tk.a1}/history`)).json();
    expect(
      history
        .filter((h: { action: string }) => h.action.startsWith('watcher_'))
        .map((h: { action: string }) => h.action),
    ).toEqual(['watcher_added', 'watcher_added', 'watcher_removed']);
    const audit = await db().execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM audit_log WHERE action LIKE 'ticket.watcher_%' AND entity_id = ${tk.a1}`,
    );
    expect(audit.rows[0]?.n).toBe(3);
  });
});
