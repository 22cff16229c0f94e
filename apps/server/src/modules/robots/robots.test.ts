import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/helpers.js';
import { waitFor } from '../../../test/multi-instance/support.js';
import { createUser } from '../../db/seed/factories.js';
import { type RobotPeer, startRobotPeer } from './robot-peer.test-setup.js';

const DING_SECRET = 'SEC0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcd';
const FEISHU_SECRET = 'QbGwn1ZLpLmcvmr0pRr1Ce';

describe('robots: administration, test button, alerts', () => {
  let t: TestApp;
  let admin: Session;
  let agent: Session;
  let peer: RobotPeer;

  beforeAll(async () => {
    peer = await startRobotPeer({
      wecomKeys: ['wk-1'],
      dingtalk: { 'dt-token': DING_SECRET },
      feishu: { 'fs-hook': FEISHU_SECRET },
    });
    t = await createTestApp({ config: { jobs: { enabled: true, pollingIntervalSeconds: 0.5 } } });
    await createUser(t.database.db, { username: 'robot_agent', roleKey: 'agent' });
    admin = await t.signIn('admin');
    agent = await t.signIn('robot_agent');
  });
  afterAll(async () => {
    await t?.close();
    await peer?.close();
  });

  const create = async (body: Record<string, unknown>) => {
    const r = await admin.post('/api/v1/robots', body);
    expect(r.statusCode, r.body).toBe(201);
    return r.json();
  };

  it('refuses invalid robots with 400 and callers without notifications.manage with 403', async () => {
    const bad = [
      { kind: 'slack', name: 'x', url: `${peer.url}/x` },
      { kind: 'wecom', name: '', url: `${peer.url}/x` },
      { kind: 'wecom', name: 'x' },
      { kind: 'wecom', name: 'x', url: `${peer.url}/x`, mentionMobiles: ['not-a-phone'] },
      { kind: 'wecom', name: 'x', url: `${peer.url}/x`, topics: ['ticket.created'] },
      { kind: 'wecom', name: 'x', url: `${peer.url}/x`, format: 'html' },
      { kind: 'wecom', name: 'x', url: `${peer.url}/x`, extra: true },
    ];
    for (const body of bad) {
      const r = await admin.post('/api/v1/robots', body);
      expect(r.statusCode, JSON.stringify(body)).toBe(400);
      expect(r.json().code).toBe('validation_failed');
    }
    const ftp = await admin.post('/api/v1/robots', { kind: 'wecom', name: 'x', url: 'ftp://example.com/hook' });
    expect(ftp.statusCode).toBe(400);
    expect(ftp.json().code).toBe('outbound.bad_url');

    expect((await agent.get('/api/v1/robots')).statusCode).toBe(403);
    const denied = await agent.post('/api/v1/robots', { kind: 'wecom', name: 'x', url: `${peer.url}/x` });
    expect(denied.statusCode).toBe(403);
  });

  it('creates, lists, changes and deletes robots; the secret is never answered; audited', async () => {
    const robot = await create({
      kind: 'dingtalk',
      name: '客服主管群',
      url: `${peer.url}/robot/send?access_token=dt-token`,
      secret: DING_SECRET,
      topics: ['complaint.major_reported'],
      mentionMobiles: ['13800001111'],
    });
    expect(robot).toMatchObject({
      kind: 'dingtalk',
      hasSecret: true,
      format: 'markdown',
      locale: 'zh-CN',
      enabled: true,
    });
    expect(JSON.stringify(robot)).not.toContain(DING_SECRET);
    const list = await admin.get('/api/v1/robots');
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(DING_SECRET);
    const changed = await admin.patch(`/api/v1/robots/${robot.id}`, { name: '主管群', secret: null, format: 'text' });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ name: '主管群', hasSecret: false, format: 'text' });
    expect((await admin.delete(`/api/v1/robots/${robot.id}`)).statusCode).toBe(204);
    expect((await admin.get(`/api/v1/robots/${robot.id}`)).statusCode).toBe(404);
    const audit = await t.database.db.execute<{ action: string; before: unknown; after: unknown }>(
      sql`SELECT action, before, after FROM audit_log WHERE entity_type = 'robot' AND entity_id = ${robot.id} ORDER BY id`,
    );
    expect(audit.rows.map((r) => r.action)).toEqual(['robot.created', 'robot.updated', 'robot.deleted']);
    const logged = JSON.stringify(audit.rows);
    expect(logged).not.toContain(DING_SECRET);
    expect(logged).not.toContain('dt-token');
  });

  it('test button: each vendor signed as documented, the answer shown and logged', async () => {
    const ding = await create({
      kind: 'dingtalk',
      name: '钉钉群',
      url: `${peer.url}/robot/send?access_token=dt-token`,
      secret: DING_SECRET,
    });
    const r = await admin.post(`/api/v1/robots/${ding.id}/test`);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ ok: true, status: 200, error: null });
    expect(JSON.parse(r.json().response)).toEqual({ errcode: 0, errmsg: 'ok' });
    const seen = peer.requests.at(-1);
    expect(seen).toMatchObject({ vendor: 'dingtalk', accepted: true });
    expect(seen?.body).toMatchObject({ msgtype: 'markdown', markdown: { title: expect.any(String) } });

    const feishu = await create({
      kind: 'feishu',
      name: '飞书群',
      url: `${peer.url}/open-apis/bot/v2/hook/fs-hook`,
      secret: FEISHU_SECRET,
      format: 'card',
    });
    const f = (await admin.post(`/api/v1/robots/${feishu.id}/test`)).json();
    expect(f).toMatchObject({ ok: true, status: 200 });
    expect(peer.requests.at(-1)?.body).toMatchObject({ msg_type: 'interactive', timestamp: expect.any(String) });

    const wecom = await create({
      kind: 'wecom',
      name: '企微群',
      url: `${peer.url}/cgi-bin/webhook/send?key=wk-1`,
      format: 'text',
    });
    expect((await admin.post(`/api/v1/robots/${wecom.id}/test`)).json()).toMatchObject({ ok: true, status: 200 });
    expect(peer.requests.at(-1)?.body).toMatchObject({ msgtype: 'text', text: { content: expect.any(String) } });

    // A wrong secret: the vendor's refusal (Feishu 19021, DingTalk 310000) is shown with its code.
    const badFeishu = await create({
      kind: 'feishu',
      name: '签名错误',
      url: `${peer.url}/open-apis/bot/v2/hook/fs-hook`,
      secret: 'wrong-secret',
    });
    const bf = (await admin.post(`/api/v1/robots/${badFeishu.id}/test`)).json();
    expect(bf.ok).toBe(false);
    expect(bf.status).toBe(200);
    expect(bf.response).toContain('19021');
    expect(bf.error).toContain('19021');
    expect(bf.error).toContain('飞书');
    const badDing = await create({
      kind: 'dingtalk',
      name: '加签错误',
      url: `${peer.url}/robot/send?access_token=dt-token`,
      secret: 'SECwrong',
    });
    const bd = (await admin.post(`/api/v1/robots/${badDing.id}/test`)).json();
    expect(bd).toMatchObject({ ok: false, status: 200 });
    expect(bd.error).toContain('310000');

    // Both tries are in the robots' delivery logs.
    const okLog = await admin.get(`/api/v1/robots/${ding.id}/deliveries`);
    expect(okLog.statusCode, okLog.body).toBe(200);
    expect(okLog.json()).toMatchObject({ total: 1, items: [{ topic: 'robots.test', status: 'sent' }] });
    const badLog = (await admin.get(`/api/v1/robots/${badFeishu.id}/deliveries`)).json();
    expect(badLog.items[0]).toMatchObject({ topic: 'robots.test' });
    expect(badLog.items[0].status).not.toBe('sent');
    expect(badLog.items[0].lastError).toContain('19021');
    // The logged request leaves the access token out.
    const attempts = await t.database.db.execute<{ request: string }>(
      sql`SELECT a.request FROM notification_attempts a JOIN notifications n ON n.id = a.notification_id WHERE n.recipient = ${ding.id}`,
    );
    expect(attempts.rows[0]?.request).toContain('access_token=***');
    expect(attempts.rows[0]?.request).not.toContain('dt-token');

    // A disabled robot can still be tested; an unknown one is 404; agents may not press the button.
    await admin.patch(`/api/v1/robots/${wecom.id}`, { enabled: false });
    expect((await admin.post(`/api/v1/robots/${wecom.id}/test`)).json()).toMatchObject({ ok: true });
    expect((await admin.post('/api/v1/robots/00000000-0000-4000-8000-000000000000/test')).statusCode).toBe(404);
    expect((await agent.post(`/api/v1/robots/${wecom.id}/test`)).statusCode).toBe(403);
    expect((await agent.get(`/api/v1/robots/${wecom.id}/deliveries`)).statusCode).toBe(403);

    for (const id of [ding.id, feishu.id, wecom.id, badFeishu.id, badDing.id])
      await admin.delete(`/api/v1/robots/${id}`);
  });

  it('a major complaint reaches the subscribed robot through the delivery job', async () => {
    const robot = await create({
      kind: 'feishu',
      name: '投诉通报群',
      url: `${peer.url}/open-apis/bot/v2/hook/fs-hook`,
      secret: FEISHU_SECRET,
      topics: ['complaint.major_reported'],
      format: 'text',
    });
    await create({
      kind: 'wecom',
      name: '未订阅',
      url: `${peer.url}/cgi-bin/webhook/send?key=wk-1`,
      topics: ['sla.escalated'],
    });
    const customer = await admin.post('/api/v1/customers', { kind: 'person', name: '王丽', phone: '13812345678' });
    expect(customer.statusCode, customer.body).toBe(201);
    const before = peer.requests.length;
    const ticket = await admin.post('/api/v1/tickets', {
      typeKey: 'complaint',
      channel: 'phone',
      subject: '燃气灶漏气',
      description: '客户来电反映燃气灶漏气，要求立即上门。',
      customerId: customer.json().id,
      nextReplyAt: new Date(Date.now() + 3600_000).toISOString(),
      isMajor: true,
    });
    expect(ticket.statusCode, ticket.body).toBe(201);
    const { id, number } = ticket.json();
    await waitFor('a request to the robot peer', () => peer.requests.length > before);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const sent = peer.requests.slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ vendor: 'feishu', accepted: true, body: { msg_type: 'text' } });
    const text = ((sent[0]?.body.content ?? {}) as { text?: string }).text ?? '';
    expect(text).toContain(number);
    expect(text).toContain('燃气灶漏气');
    expect(text).toContain('重大投诉');
    expect(text).toContain(`${t.config.baseUrl}/tickets/${id}`);
    await waitFor('the delivery recorded', async () => {
      const log = (await admin.get(`/api/v1/robots/${robot.id}/deliveries`)).json();
      return log.items.some(
        (d: { topic: string; status: string }) => d.topic === 'complaint.major_reported' && d.status === 'sent',
      );
    });
  });
});

describe('robots: SSRF guard (KEFU_WEBHOOK_ALLOW_PRIVATE=false)', () => {
  let t: TestApp;
  let admin: Session;

  beforeAll(async () => {
    t = await createTestApp({ config: { outbound: { allowPrivate: false } } });
    admin = await t.signIn('admin');
  });
  afterAll(async () => t?.close());

  it.each([
    'http://127.0.0.1:8080/robot/send?access_token=x',
    'http://169.254.169.254/latest/meta-data',
    'http://10.1.2.3/hook',
    'http://[::1]/hook',
    'http://[::ffff:127.0.0.1]/hook',
    'http://localhost/hook',
  ])('refuses %s', async (url) => {
    const r = await admin.post('/api/v1/robots', { kind: 'dingtalk', name: '内网', url });
    expect(r.statusCode, r.body).toBe(400);
    expect(r.json().code).toBe('outbound.blocked_address');
  });

  it('refuses changing a robot to a private address too', async () => {
    const r = await admin.post('/api/v1/robots', {
      kind: 'wecom',
      name: '公网',
      url: 'https://93.184.216.34/cgi-bin/webhook/send?key=k',
    });
    expect(r.statusCode, r.body).toBe(201);
    const patched = await admin.patch(`/api/v1/robots/${r.json().id}`, {
      url: 'http://127.0.0.1/cgi-bin/webhook/send',
    });
    expect(patched.statusCode).toBe(400);
    expect(patched.json().code).toBe('outbound.blocked_address');
  });
});
