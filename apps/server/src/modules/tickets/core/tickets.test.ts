import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../../test/helpers.js';
import { createDepartment, createUser } from '../../../db/seed/factories.js';
import { seedServiceStandards } from '../../../db/seed/phrases.js';

const inHours = (h: number) => new Date(Date.now() + h * 3600_000).toISOString();
const ALL_FACTS = { identity: true, time_place: true, product_order: true, details: true, demand: true };

describe('tickets: lifecycle, complaint protocol, locking', () => {
  let t: TestApp;
  let agent: Session;
  let agent2: Session;
  let supervisor: Session;
  let outsider: Session;
  let managerId: string;
  let customerId: string;

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.database.db;
    await seedServiceStandards(db);
    const centre = await createDepartment(db, { name: '客户服务中心' });
    const hotline = await createDepartment(db, { name: '热线组', parentId: centre.id });
    const other = await createDepartment(db, { name: '华南分部' });
    const mgr = await createUser(db, { username: 'mgr', roleKey: 'department_manager', departmentId: centre.id });
    managerId = mgr.id;
    await db.execute(sql`UPDATE departments SET manager_id = ${mgr.id} WHERE id = ${centre.id}`);
    const sup = await createUser(db, {
      username: 'sup',
      roleKey: 'supervisor',
      departmentId: hotline.id,
      superiorId: mgr.id,
    });
    await createUser(db, { username: 'agenta', roleKey: 'agent', departmentId: hotline.id, superiorId: sup.id });
    await createUser(db, { username: 'agentb', roleKey: 'agent', departmentId: hotline.id, superiorId: sup.id });
    await createUser(db, { username: 'agentc', roleKey: 'agent', departmentId: other.id });
    agent = await t.signIn('agenta');
    agent2 = await t.signIn('agentb');
    supervisor = await t.signIn('sup');
    outsider = await t.signIn('agentc');
    const c = await agent.post('/api/v1/customers', { kind: 'person', name: '王丽', phone: '13812345678' });
    expect(c.statusCode, c.body).toBe(201);
    customerId = c.json().id;
  });
  afterAll(async () => t?.close());

  const complaint = (over: Record<string, unknown> = {}) => ({
    typeKey: 'complaint',
    channel: 'phone',
    subject: '空调安装后不制冷',
    description: '客户来电反映上周安装的空调一直不制冷，师傅上门两次仍未解决，要求退换。',
    customerId,
    ...over,
  });

  async function create(s: Session, body: Record<string, unknown>) {
    const r = await s.post('/api/v1/tickets', body);
    expect(r.statusCode, r.body).toBe(201);
    return r.json();
  }

  async function step(s: Session, id: string, body: Record<string, unknown>) {
    const current = (await s.get(`/api/v1/tickets/${id}`)).json();
    return s.post(`/api/v1/tickets/${id}/transitions`, { version: current.version, ...body });
  }

  it('records a consultation and walks it through every state', async () => {
    const ticket = await create(agent, {
      typeKey: 'consultation',
      channel: 'phone',
      subject: '咨询保修期限',
      description: '客户询问冰箱的保修期从哪天开始计算。',
      customerId,
    });
    expect(ticket).toMatchObject({
      status: 'received',
      number: expect.stringMatching(/^GD\d{7,}$/),
      isComplaint: false,
    });
    expect(ticket.actions).toEqual(['classify', 'start', 'resolve']);
    for (const [action, status, extra] of [
      ['classify', 'classified', {}],
      ['start', 'investigating', {}],
      ['resolve', 'resolved', { process: '查询了购买记录', result: '保修期自签收日起算，至2027年11月' }],
      ['feedback', 'feedback', { satisfied: true, note: '客户表示清楚了' }],
      ['close', 'closed', {}],
    ] as const) {
      const r = await step(agent, ticket.id, { action, ...extra });
      expect(r.statusCode, `${action}: ${r.body}`).toBe(200);
      expect(r.json().status).toBe(status);
    }
    // Classifying told the responsible department (its manager, found up the tree).
    const told = await t.database.db.execute<{ recipient: string }>(
      sql`SELECT recipient FROM notifications WHERE ref = ${`ticket:${ticket.id}/classified`}`,
    );
    expect(told.rows).toEqual([{ recipient: managerId }]);
    const messages = (await agent.get(`/api/v1/tickets/${ticket.id}/messages`)).json();
    expect(messages.map((m: { kind: string }) => m.kind)).toEqual(['reply']);
    expect(messages[0].body).toContain('处理结果');
    const history = (await agent.get(`/api/v1/tickets/${ticket.id}/history`)).json();
    expect(history.map((h: { action: string }) => h.action)).toEqual([
      'created',
      'transition:classify',
      'transition:start',
      'transition:resolve',
      'transition:feedback',
      'transition:close',
    ]);
  });

  it('refuses moves the state machine does not allow, and moves the caller may not take', async () => {
    const ticket = await create(agent, {
      typeKey: 'suggestion',
      channel: 'web',
      subject: '建议',
      description: '希望增加夜间服务时段。',
    });
    const feedback = await step(agent, ticket.id, { action: 'feedback', satisfied: true });
    expect(feedback.statusCode).toBe(409);
    expect(feedback.json().code).toBe('tickets.transition_not_allowed');
    const close = await step(agent, ticket.id, { action: 'close' });
    expect(close.json().code).toBe('tickets.transition_not_allowed');
    const reopen = await step(agent, ticket.id, { action: 'reopen' });
    expect(reopen.json().code).toBe('tickets.transition_not_allowed');
    expect(
      (await step(agent, ticket.id, { action: 'resolve', process: '已记录', result: '转产品部评估' })).statusCode,
    ).toBe(200);
    expect((await step(agent, ticket.id, { action: 'close' })).statusCode).toBe(200);
    // Reopening a closed ticket is a supervisor's decision.
    const agentReopen = await step(agent, ticket.id, { action: 'reopen', note: '客户又来电' });
    expect(agentReopen.statusCode).toBe(403);
    expect(agentReopen.json().code).toBe('tickets.transition_forbidden');
    const supReopen = await step(supervisor, ticket.id, { action: 'reopen', note: '客户又来电' });
    expect(supReopen.statusCode, supReopen.body).toBe(200);
    expect(supReopen.json().status).toBe('investigating');
  });

  it('跟清楚: an unresolved complaint needs a next-reply time, in the future', async () => {
    const missing = await agent.post('/api/v1/tickets', complaint());
    expect(missing.statusCode).toBe(400);
    expect(missing.json().code).toBe('tickets.next_reply_required');
    const past = await agent.post(
      '/api/v1/tickets',
      complaint({ nextReplyAt: new Date(Date.now() - 60_000).toISOString() }),
    );
    expect(past.json().code).toBe('tickets.next_reply_in_past');
    const ticket = await create(agent, complaint({ nextReplyAt: inHours(4) }));
    expect(ticket.isComplaint).toBe(true);
    // It cannot be cleared while the complaint is open.
    const cleared = await agent.patch(`/api/v1/tickets/${ticket.id}`, { version: ticket.version, nextReplyAt: null });
    expect(cleared.json().code).toBe('tickets.next_reply_required');
    // Nothing was written by the refused requests.
    const count = await t.database.db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM tickets WHERE subject = '空调安装后不制冷'`,
    );
    expect(count.rows[0]?.n).toBe(1);
    // Once the promise has passed, a reply must bring a new one.
    await t.database.db.execute(
      sql`UPDATE tickets SET next_reply_at = now() - interval '1 hour' WHERE id = ${ticket.id}`,
    );
    const reply = await agent.post(`/api/v1/tickets/${ticket.id}/messages`, {
      kind: 'reply',
      body: '您好，我们已安排师傅明天上午再次上门检测。',
    });
    expect(reply.json().code).toBe('tickets.next_reply_required');
    const ok = await agent.post(`/api/v1/tickets/${ticket.id}/messages`, {
      kind: 'reply',
      body: '您好，我们已安排师傅明天上午再次上门检测。',
      nextReplyAt: inHours(24),
    });
    expect(ok.statusCode, ok.body).toBe(201);
    // An internal note needs no promise.
    expect(
      (await agent.post(`/api/v1/tickets/${ticket.id}/messages`, { kind: 'note', body: '师傅反馈可能是冷媒不足' }))
        .statusCode,
    ).toBe(201);
  });

  it('问清楚 / 复清楚 / summary: resolve needs the facts checklist and process + result; close needs feedback, root cause and a measure', async () => {
    const ticket = await create(agent, complaint({ nextReplyAt: inHours(2), subject: '送货延误投诉' }));
    const noFacts = await step(agent, ticket.id, { action: 'resolve', process: '已核实', result: '已补发' });
    expect(noFacts.statusCode).toBe(400);
    expect(noFacts.json().code).toBe('tickets.facts_incomplete');
    await agent.patch(`/api/v1/tickets/${ticket.id}`, { version: ticket.version, facts: ALL_FACTS });
    const noResult = await step(agent, ticket.id, { action: 'resolve', process: '已核实' });
    expect(noResult.json().code).toBe('tickets.resolution_required');
    expect(
      (
        await step(agent, ticket.id, {
          action: 'resolve',
          process: '核实物流记录，联系仓库加急',
          result: '已于今日补发，明日送达',
        })
      ).statusCode,
    ).toBe(200);
    // A complaint is not closed before the customer's feedback.
    expect((await step(supervisor, ticket.id, { action: 'close' })).json().code).toBe('tickets.transition_not_allowed');
    expect((await step(agent, ticket.id, { action: 'feedback', satisfied: true })).statusCode).toBe(200);
    // Only a supervisor closes a complaint.
    const byAgent = await step(agent, ticket.id, {
      action: 'close',
      rootCauseKey: 'delivery_delay',
      rootCause: '仓库漏发',
      summary: '补发',
    });
    expect(byAgent.json().code).toBe('tickets.transition_forbidden');
    const noCause = await step(supervisor, ticket.id, { action: 'close' });
    expect(noCause.json().code).toBe('tickets.root_cause_required');
    expect(
      noCause
        .json()
        .errors.map((f: { path: string }) => f.path)
        .sort(),
    ).toEqual(['rootCause', 'rootCauseKey', 'summary']);
    const noMeasure = await step(supervisor, ticket.id, {
      action: 'close',
      rootCauseKey: 'delivery_delay',
      rootCause: '仓库漏发配件',
      summary: '已补发，客户满意',
    });
    expect(noMeasure.json().code).toBe('tickets.measure_required');
    const mgr = (await t.database.db.execute<{ id: string }>(sql`SELECT id FROM users WHERE username = 'sup'`)).rows[0];
    await t.database.db.execute(sql`INSERT INTO improvement_measures (ticket_id, title, owner_id, due_date)
      VALUES (${ticket.id}, '出库前增加配件核对', ${mgr?.id}, current_date + 7)`);
    const closed = await step(supervisor, ticket.id, {
      action: 'close',
      rootCauseKey: 'delivery_delay',
      rootCause: '仓库漏发配件',
      summary: '已补发，客户满意',
    });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'closed', rootCauseKey: 'delivery_delay' });
  });

  it('a complaint resolved at first contact needs the facts and tells the customer process and result', async () => {
    const noFacts = await agent.post(
      '/api/v1/tickets',
      complaint({ resolvedAtFirstContact: { process: '解释', result: '客户接受' } }),
    );
    expect(noFacts.json().code).toBe('tickets.facts_incomplete');
    const ticket = await create(
      agent,
      complaint({ facts: ALL_FACTS, resolvedAtFirstContact: { process: '解释了计费规则', result: '客户表示理解' } }),
    );
    expect(ticket).toMatchObject({ status: 'resolved', firstContactResolved: true, nextReplyAt: null });
  });

  it('一报告: a major complaint notifies the department manager exactly once', async () => {
    const ticket = await create(
      agent,
      complaint({ nextReplyAt: inHours(1), isMajor: true, subject: '重大投诉：燃气灶漏气' }),
    );
    expect(ticket.majorReportedAt).not.toBeNull();
    // Editing it again, or unmarking and marking it, does not report it twice.
    const again = await agent.patch(`/api/v1/tickets/${ticket.id}`, { version: ticket.version, isMajor: false });
    const back = await agent.patch(`/api/v1/tickets/${ticket.id}`, { version: again.json().version, isMajor: true });
    expect(back.statusCode, back.body).toBe(200);
    const notes = await t.database.db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM notifications WHERE recipient = ${managerId} AND ref = ${`ticket:${ticket.id}/major`}`,
    );
    expect(notes.rows[0]?.n).toBe(1);
    // Marked major later: reported then.
    const later = await create(agent, complaint({ nextReplyAt: inHours(1), subject: '投诉升级' }));
    expect(later.majorReportedAt).toBeNull();
    const marked = (await agent.patch(`/api/v1/tickets/${later.id}`, { version: later.version, isMajor: true })).json();
    expect(marked.majorReportedAt).not.toBeNull();
  });

  it('optimistic locking: of two agents editing the same version, one wins and the other gets a conflict', async () => {
    const ticket = await create(agent, {
      typeKey: 'service',
      channel: 'phone',
      subject: '洗衣机报修',
      description: '滚筒洗衣机脱水时异响。',
    });
    const [a, b] = await Promise.all([
      agent.patch(`/api/v1/tickets/${ticket.id}`, { version: ticket.version, priority: 'high' }),
      supervisor.patch(`/api/v1/tickets/${ticket.id}`, { version: ticket.version, subject: '洗衣机脱水异响报修' }),
    ]);
    const codes = [a.statusCode, b.statusCode].sort();
    expect(codes).toEqual([200, 409]);
    const loser = a.statusCode === 409 ? a : b;
    expect(loser.json().code).toBe('tickets.version_conflict');
    const now = (await agent.get(`/api/v1/tickets/${ticket.id}`)).json();
    expect(now.version).toBe(ticket.version + 1);
    // The winner's change is there; nothing of the loser's.
    expect(now.priority === 'high' || now.subject === '洗衣机脱水异响报修').toBe(true);
    expect(now.priority === 'high' && now.subject === '洗衣机脱水异响报修').toBe(false);
  });

  it('forbidden phrases: a reply that hits one is refused with the alternative; sending anyway needs a reason and is recorded', async () => {
    const ticket = await create(agent, {
      typeKey: 'consultation',
      channel: 'phone',
      subject: '发票问题',
      description: '客户询问发票开具。',
      customerId,
    });
    const dirty = '这个问题 这不 归我管，你去问财务吧';
    const refused = await agent.post(`/api/v1/tickets/${ticket.id}/messages`, { kind: 'reply', body: dirty });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('tickets.forbidden_phrase');
    expect(refused.json().params.hits[0]).toMatchObject({ phrase: '这不归我管', alternative: expect.any(String) });
    const sent = await agent.post(`/api/v1/tickets/${ticket.id}/messages`, {
      kind: 'reply',
      body: dirty,
      forbiddenOverrideReason: '客户要求原话转述',
    });
    expect(sent.statusCode, sent.body).toBe(201);
    expect(sent.json().forbiddenOverride).toBe(true);
    const overrides = await t.database.db.execute<{ reason: string }>(
      sql`SELECT reason FROM forbidden_phrase_overrides WHERE ticket_id = ${ticket.id}`,
    );
    expect(overrides.rows).toEqual([{ reason: '客户要求原话转述' }]);
    // Internal notes are not customer-facing: not checked.
    expect(
      (await agent.post(`/api/v1/tickets/${ticket.id}/messages`, { kind: 'note', body: '客户说这不归我管' }))
        .statusCode,
    ).toBe(201);
  });

  it('data scope: an agent of another department gets 404; the queues show the right tickets', async () => {
    const ticket = await create(agent, {
      typeKey: 'consultation',
      channel: 'email',
      subject: '范围测试',
      description: '仅本组可见。',
    });
    expect((await outsider.get(`/api/v1/tickets/${ticket.id}`)).statusCode).toBe(404);
    expect((await outsider.patch(`/api/v1/tickets/${ticket.id}`, { version: 1, priority: 'low' })).statusCode).toBe(
      404,
    );
    const outsiderList = (await outsider.get('/api/v1/tickets?pageSize=200')).json();
    expect(outsiderList.items.some((i: { id: string }) => i.id === ticket.id)).toBe(false);
    // The supervisor's team queue holds the unassigned tickets of the team's department.
    const team = (await supervisor.get('/api/v1/tickets?queue=team&pageSize=200')).json();
    expect(team.items.some((i: { id: string }) => i.id === ticket.id)).toBe(true);
    // agent2 sees it only once watching.
    expect((await agent2.get(`/api/v1/tickets/${ticket.id}`)).statusCode).toBe(404);
    const complaints = (await supervisor.get('/api/v1/tickets?complaint=true&pageSize=200')).json();
    expect(complaints.items.every((i: { isComplaint: boolean }) => i.isComplaint)).toBe(true);
    expect(complaints.items.length).toBeGreaterThan(0);
  });

  it('the customer timeline shows the ticket, its replies and status changes (through events)', async () => {
    await t.app.deps.outbox.drain();
    const r = await agent.get(`/api/v1/customers/${customerId}/timeline?pageSize=100`);
    expect(r.statusCode, r.body).toBe(200);
    const items: { title: string; titleKey: string | null }[] = r.json().items;
    const keys = items.map((e) => e.titleKey);
    expect(keys).toContain('ticket.created');
    expect(keys).toContain('ticket.reply');
    expect(keys).toContain('ticket.status_changed');
    // Worded for the reader (no Accept-Language: the agent's zh-CN), never the stored key.
    expect(items.some((e) => /^新建工单 GD\d+$/.test(e.title))).toBe(true);
    expect(items.some((e) => /^工单 GD\d+：答复客户$/.test(e.title))).toBe(true);
    // Internal notes stay off the customer's file.
    expect(keys).not.toContain('ticket.note');
  });

  it("a handover moves the leaving agent's open tickets to the successor, with history", async () => {
    const mine = (typeKey: string, subject: string, description: string) =>
      create(agent2, { typeKey, channel: 'phone', subject, description, assigneeId: agent2.userId });
    const open = await mine('service', '交接测试', '热水器不点火。');
    const done = await mine('consultation', '已结', '咨询营业时间。');
    await step(agent2, done.id, { action: 'resolve', process: '告知', result: '已答复' });
    await step(agent2, done.id, { action: 'close' });
    const preview = await supervisor.post('/api/v1/handovers/preview', {
      fromUserId: agent2.userId,
      toUserId: agent.userId,
    });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json().contributions.find((k: { kind: string }) => k.kind === 'tickets')).toMatchObject({
      count: 1,
    });
    const r = await supervisor.post('/api/v1/handovers', {
      fromUserId: agent2.userId,
      toUserId: agent.userId,
      reason: '调岗',
      notifyCustomers: false,
    });
    expect(r.statusCode, r.body).toBe(201);
    expect((await agent.get(`/api/v1/tickets/${open.id}`)).json().assignee.id).toBe(agent.userId);
    expect((await agent2.get(`/api/v1/tickets/${done.id}`)).json().assignee.id).toBe(agent2.userId);
    const history = (await agent.get(`/api/v1/tickets/${open.id}/history`)).json();
    expect(history.at(-1)).toMatchObject({ action: 'assigned', after: { assigneeId: agent.userId } });
  });

  it('the history is append-only in the database', async () => {
    await expect(t.database.db.execute(sql`UPDATE ticket_history SET note = 'x'`)).rejects.toThrow();
    await expect(t.database.db.execute(sql`DELETE FROM ticket_history`)).rejects.toThrow();
  });
});
