import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../../test/helpers.js';
import { createDepartment, createUser } from '../../../db/seed/factories.js';

/**
 * Issue 10, defect 15 (ADR 0006): every read that shows a customer's data is on record — one
 * `customer.viewed` entry per request for a file or a part of it, one `customer.listed` entry per
 * list page naming the customers shown, and an export names every customer it contained.
 */
describe('customers: audited reads', () => {
  let t: TestApp;
  let agentA: Session;
  let sup: Session;
  const ids: Record<string, string> = {};

  type Entry = { action: string; entity_id: string | null; details: Record<string, unknown> | null };
  /** The audit entries written after entry `since`. */
  const lastEntries = async (since: number) =>
    (
      await t.database.db.execute<Entry & { id: number }>(
        sql`SELECT id, action, entity_id, details FROM audit_log WHERE id > ${since} ORDER BY id`,
      )
    ).rows;
  const maxId = async () =>
    Number(
      (await t.database.db.execute<{ n: number }>(sql`SELECT coalesce(max(id), 0)::int AS n FROM audit_log`)).rows[0]
        ?.n,
    );

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.database.db;
    const hotline = await createDepartment(db, { name: '热线组' });
    const supUser = await createUser(db, { username: 'sup', roleKey: 'supervisor', departmentId: hotline.id });
    await createUser(db, { username: 'agenta', roleKey: 'agent', departmentId: hotline.id, superiorId: supUser.id });
    await createUser(db, { username: 'agentc', roleKey: 'agent' });
    agentA = await t.signIn('agenta');
    sup = await t.signIn('sup');
    const agentC = await t.signIn('agentc');
    const mk = async (s: Session, name: string, phone: string) => {
      const r = await s.post('/api/v1/customers', { kind: 'company', name, phone });
      expect(r.statusCode, r.body).toBe(201);
      return r.json().id as string;
    };
    ids.a = await mk(agentA, '上海华信医疗器械有限公司', '021-62345678');
    ids.a2 = await mk(agentA, '杭州明远广告传媒有限公司', '0571-87654321');
    ids.other = await mk(agentC, '广州喜临门婚纱摄影有限公司', '020-38881234');
    const ticket = await agentA.post('/api/v1/tickets', {
      typeKey: 'consultation',
      channel: 'phone',
      subject: '报修咨询',
      description: '客户来电咨询报修流程',
      customerId: ids.a,
    });
    expect(ticket.statusCode, ticket.body).toBe(201);
  });
  afterAll(async () => t?.close());

  it('one customer.viewed entry per request for the file and each of its parts, the ticket’s customer panel included', async () => {
    const parts: [string, string][] = [
      ['file', ''],
      ['timeline', '/timeline'],
      ['milestones', '/milestones'],
      ['figures', '/figures'],
      ['evaluations', '/evaluations'],
      ['grade_history', '/grade-history'],
      ['grade_at', `/grade-at?at=${encodeURIComponent(new Date().toISOString())}`],
      ['duplicates', '/duplicates'],
    ];
    for (const [view, path] of parts) {
      const since = await maxId();
      const r = await agentA.get(`/api/v1/customers/${ids.a}${path}`);
      expect(r.statusCode, `${view}: ${r.body}`).toBe(200);
      const written = await lastEntries(since);
      expect(
        written.map((e) => [e.action, e.entity_id, e.details?.view]),
        view,
      ).toEqual([['customer.viewed', ids.a, view]]);
    }
    // The ticket page's customer panel lists the customer's tickets: a view of its service history.
    const since = await maxId();
    const tickets = await agentA.get(`/api/v1/tickets?queue=all&customerId=${ids.a}`);
    expect(tickets.statusCode, tickets.body).toBe(200);
    expect((await lastEntries(since)).map((e) => [e.action, e.entity_id, e.details?.view])).toEqual([
      ['customer.viewed', ids.a, 'tickets'],
    ]);
    // Out of scope: nothing is shown, and the 404 writes no view.
    const before = await maxId();
    expect((await agentA.get(`/api/v1/customers/${ids.other}/timeline`)).statusCode).toBe(404);
    expect(await lastEntries(before)).toEqual([]);
  });

  it('one customer.listed entry per list or search page, naming the customers shown', async () => {
    const since = await maxId();
    const page = await agentA.get('/api/v1/customers?pageSize=20');
    expect(page.statusCode).toBe(200);
    const shown = page.json().items.map((c: { id: string }) => c.id);
    expect(shown.sort()).toEqual([ids.a, ids.a2].sort());
    const written = await lastEntries(since);
    expect(written).toHaveLength(1);
    expect(written[0]).toMatchObject({ action: 'customer.listed', entity_id: null });
    expect([...((written[0]?.details?.ids as string[] | undefined) ?? [])].sort()).toEqual(shown.sort());

    const before = await maxId();
    const search = await agentA.get(`/api/v1/customers?q=${encodeURIComponent('华信')}`);
    expect(search.json().items.map((c: { id: string }) => c.id)).toEqual([ids.a]);
    expect(await lastEntries(before)).toEqual([
      expect.objectContaining({
        action: 'customer.listed',
        details: expect.objectContaining({ ids: [ids.a], filter: { q: '华信' } }),
      }),
    ]);
  });

  it('an export records which customers it contained', async () => {
    const since = await maxId();
    const csv = await sup.get('/api/v1/customers/export?format=csv');
    expect(csv.statusCode).toBe(200);
    const written = await lastEntries(since);
    expect(written.map((e) => e.action)).toEqual(['customer.exported', 'customer.exported_rows']);
    expect([...((written[1]?.details?.ids as string[] | undefined) ?? [])].sort()).toEqual([ids.a, ids.a2].sort());
    expect(csv.body).not.toContain('喜临门');
  });
});
