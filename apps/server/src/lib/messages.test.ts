import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/helpers.js';
import { createDepartment, createUser } from '../db/seed/factories.js';
import { seedServiceStandards } from '../db/seed/phrases.js';

/** A stored key or event code on screen: `ticket.created:GD0000009`, `customer.created`, `manual`. */
const CODE = /^[a-z_]+\.[a-z_]+(:|$)/;
const RAW_WORDS = /^(manual|bulk|round_robin|least_loaded|take|unassign)$/;
const inHours = (h: number) => new Date(Date.now() + h * 3600_000).toISOString();
const zh = { 'accept-language': 'zh-CN' };
const en = { 'accept-language': 'en-US,en;q=0.9' };

/**
 * Issue 11 point 5: the customer timeline, the ticket history and in-app notifications read as
 * text in the reader's language (Accept-Language, else the user's own setting), never as codes —
 * also for rows written before the catalog.
 */
describe('server text: timeline, ticket history and notifications in zh-CN and en', () => {
  let t: TestApp;
  let agent: Session;
  let manager: Session;
  let customerId: string;
  let ticket: { id: string; number: string; version: number };

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.database.db;
    await seedServiceStandards(db);
    const centre = await createDepartment(db, { name: '客户服务中心' });
    const mgr = await createUser(db, { username: 'mgr', roleKey: 'department_manager', departmentId: centre.id });
    await db.execute(sql`UPDATE departments SET manager_id = ${mgr.id} WHERE id = ${centre.id}`);
    await createUser(db, { username: 'agenta', roleKey: 'agent', departmentId: centre.id, superiorId: mgr.id });
    agent = await t.signIn('agenta');
    manager = await t.signIn('mgr');
    const c = await agent.post('/api/v1/customers', { kind: 'person', name: '王丽', phone: '13812345678' });
    expect(c.statusCode, c.body).toBe(201);
    customerId = c.json().id;
    const r = await agent.post('/api/v1/tickets', {
      typeKey: 'complaint',
      channel: 'phone',
      subject: '燃气灶漏气',
      description: '客户来电反映燃气灶有异味。',
      customerId,
      isMajor: true,
      nextReplyAt: inHours(2),
    });
    expect(r.statusCode, r.body).toBe(201);
    ticket = r.json();
    const current = (await agent.get(`/api/v1/tickets/${ticket.id}`)).json();
    const classify = await agent.post(`/api/v1/tickets/${ticket.id}/transitions`, {
      action: 'classify',
      version: current.version,
    });
    expect(classify.statusCode, classify.body).toBe(200);
    // Rows as they were stored before the catalog: keys and codes in the title and the note.
    await db.execute(sql`INSERT INTO customer_timeline (customer_id, kind, title, after)
      VALUES (${customerId}, 'ticket', 'ticket.created:GD0000009', '{"status":"received"}'),
             (${customerId}, 'change', 'customer.created', '{"kind":"person","contacts":0}')`);
    await db.execute(sql`INSERT INTO ticket_history (ticket_id, actor_id, action, before, after, note)
      VALUES (${ticket.id}, ${mgr.id}, 'assigned', '{"assigneeId":null}', ${JSON.stringify({ assigneeId: mgr.id })}, 'manual')`);
    await db.execute(sql`INSERT INTO notifications (channel, recipient, subject, body, status, ref)
      VALUES ('in_app', ${mgr.id}, '旧通知', '写入时的文字', 'sent', 'legacy')`);
    await t.app.deps.outbox?.drain?.();
  });
  afterAll(async () => t?.close());

  type Entry = { title: string; titleKey: string | null };

  async function timeline(headers: Record<string, string>) {
    const r = await agent.get(`/api/v1/customers/${customerId}/timeline?pageSize=100`, headers);
    expect(r.statusCode, r.body).toBe(200);
    return r.json().items as Entry[];
  }

  it('the customer timeline reads in the request’s language, old rows too, with the key beside it', async () => {
    for (const [headers, created, ticketCreated, legacy] of [
      [zh, '建立客户档案', `新建工单 ${ticket.number}`, '新建工单 GD0000009'],
      [en, 'Customer file created', `Ticket ${ticket.number} opened`, 'Ticket GD0000009 opened'],
    ] as const) {
      const items = await timeline(headers);
      const titles = items.map((e) => e.title);
      for (const title of titles) expect(title).not.toMatch(CODE);
      expect(titles).toContain(created);
      expect(titles).toContain(ticketCreated);
      expect(titles).toContain(legacy);
      expect(titles.filter((x) => x === created)).toHaveLength(2);
      expect(items.find((e) => e.title === ticketCreated)?.titleKey).toBe('ticket.created');
      expect(items.find((e) => e.title === legacy)?.titleKey).toBe('ticket.created');
    }
    const zhStatus = (await timeline(zh)).map((e) => e.title);
    expect(zhStatus).toContain(`工单 ${ticket.number}：已受理 → 已分类`);
    const enStatus = (await timeline(en)).map((e) => e.title);
    expect(enStatus).toContain(`Ticket ${ticket.number}: Received → Classified`);
  });

  it('the ticket history reads in the request’s language: titles, notes, field labels and statuses', async () => {
    const read = async (headers: Record<string, string>) => {
      const r = await agent.get(`/api/v1/tickets/${ticket.id}/history`, headers);
      expect(r.statusCode, r.body).toBe(200);
      return r.json() as {
        action: string;
        title: string;
        noteText: string | null;
        changes: { field: string; label: string; beforeText: string | null; afterText: string | null }[];
      }[];
    };
    const zhRows = await read(zh);
    const enRows = await read(en);
    for (const row of [...zhRows, ...enRows]) {
      expect(row.title).not.toMatch(CODE);
      expect(row.noteText ?? '').not.toMatch(RAW_WORDS);
      for (const change of row.changes) expect(change.label).not.toBe(change.field);
    }
    expect(zhRows.map((r) => r.title)).toEqual(
      expect.arrayContaining(['创建工单', '上报重大投诉', '状态变更：分类', '分派']),
    );
    expect(enRows.map((r) => r.title)).toEqual(
      expect.arrayContaining(['Created', 'Major complaint reported', 'Status: Classify', 'Assigned']),
    );
    expect(zhRows.find((r) => r.action === 'assigned')?.noteText).toBe('分派方式：指定处理人');
    expect(enRows.find((r) => r.action === 'assigned')?.noteText).toBe('Assignment: Picked by hand');
    const zhStatus = zhRows.find((r) => r.action === 'transition:classify')?.changes.find((c) => c.field === 'status');
    expect(zhStatus).toMatchObject({ label: '状态', beforeText: '已受理', afterText: '已分类' });
    const enCreated = enRows.find((r) => r.action === 'created')?.changes;
    expect(enCreated).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'channel', label: 'Channel', afterText: 'Phone' }),
        expect.objectContaining({ field: 'priority', label: 'Priority', afterText: 'Normal' }),
      ]),
    );
  });

  it('notifications are worded in the reader’s language; older rows keep their text', async () => {
    const subjects = async (s: Session, headers?: Record<string, string>) => {
      const r = await s.get('/api/v1/notifications/mine?pageSize=50', headers);
      expect(r.statusCode, r.body).toBe(200);
      return r.json().items.map((n: { subject: string; body: string }) => `${n.subject}|${n.body}`) as string[];
    };
    const zhItems = await subjects(manager, zh);
    expect(zhItems).toContain(
      `重大投诉 ${ticket.number}：燃气灶漏气|工单 ${ticket.number} 被标记为重大投诉，请立即关注。\n客户来电反映燃气灶有异味。`,
    );
    expect(zhItems).toContain('旧通知|写入时的文字');
    const enItems = await subjects(manager, en);
    expect(enItems).toContain(
      `Major complaint ${ticket.number}: 燃气灶漏气|Ticket ${ticket.number} was marked a major complaint; please attend to it now.\n客户来电反映燃气灶有异味。`,
    );
    expect(enItems).toContain('旧通知|写入时的文字');
    // No Accept-Language: the user's own language setting.
    expect(await subjects(manager)).toEqual(zhItems);
    await t.database.db.execute(sql`UPDATE users SET locale = 'en' WHERE username = 'mgr'`);
    expect(await subjects(manager)).toEqual(enItems);
    // The stored wording (what a delivery adapter would send) is the business language's.
    const stored = await t.database.db.execute<{ subject: string }>(
      sql`SELECT subject FROM notifications WHERE ref = ${`ticket:${ticket.id}/major`}`,
    );
    expect(stored.rows[0]?.subject).toBe(`重大投诉 ${ticket.number}：燃气灶漏气`);
  });
});
