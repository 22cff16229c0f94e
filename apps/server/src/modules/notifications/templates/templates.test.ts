import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../../test/helpers.js';
import { createUser } from '../../../db/seed/factories.js';
import { queueNotifications } from '../index.js';

/** Administrators' wording per topic × channel × language, its preview, and the messages it words. */
describe('notification templates', () => {
  let t: TestApp;
  let admin: Session;
  let agent: Session;
  const url = '/api/v1/notification-templates/ticket.reply/email/zh-CN';

  beforeAll(async () => {
    t = await createTestApp();
    await createUser(t.database.db, { username: 'agent2' });
    admin = await t.signIn('admin');
    agent = await t.signIn('agent2');
  });
  afterAll(async () => t?.close());

  const auditOf = async (action: string) =>
    (
      await t.database.db.execute<{ before: unknown; after: unknown }>(
        sql`SELECT before, after FROM audit_log WHERE action = ${action}`,
      )
    ).rows;

  it('lists every template in force with its variables, to administrators only', async () => {
    expect((await agent.get('/api/v1/notification-templates')).statusCode).toBe(403);
    const r = await admin.get('/api/v1/notification-templates');
    expect(r.statusCode).toBe(200);
    const reply = r
      .json()
      .items.find(
        (i: { topic: string; channel: string; locale: string }) =>
          i.topic === 'ticket.reply' && i.channel === 'email' && i.locale === 'zh-CN',
      );
    expect(reply).toMatchObject({ subject: '[#{{ticketNumber}}] {{subject}}', custom: false, updatedAt: null });
    expect(reply.variables).toMatchObject({
      customerName: '李四',
      ticketNumber: expect.any(String),
      body: expect.any(String),
    });
  });

  it('saves an override (audited) and words queued messages with it', async () => {
    const body = { subject: '工单 {{ticketNumber}} 有新回复', body: '{{customerName}}：{{body}}' };
    expect((await agent.inject('PUT', url, body)).statusCode).toBe(403);
    const r = await admin.inject('PUT', url, body);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ ...body, custom: true, providerTemplateId: null });
    expect(await auditOf('notification_template.created')).toEqual([
      { before: null, after: { ...body, providerTemplateId: null } },
    ]);
    const again = await admin.inject('PUT', url, { ...body, subject: '新回复 {{ticketNumber}}' });
    expect(again.statusCode).toBe(200);
    expect(await auditOf('notification_template.updated')).toHaveLength(1);

    const [id] = await t.database.db.transaction((tx) =>
      queueNotifications(tx, [
        {
          channel: 'email',
          recipient: 'c@example.com',
          topic: 'ticket.reply',
          subject: '回复',
          body: '问题已解决 {{notAVariable}}',
          vars: { ticketNumber: 'T42', customerName: '王<五>' },
        },
      ]),
    );
    const row = (
      await t.database.db.execute<{ subject: string; body: string }>(
        sql`SELECT subject, body FROM notifications WHERE id = ${id}`,
      )
    ).rows[0];
    // Plain text: values as they are, and text inside a value is not expanded again.
    expect(row).toEqual({ subject: '新回复 T42', body: '王<五>：问题已解决 {{notAVariable}}' });
  });

  it('keeps an SMS provider template id and hands it to the adapter as templateCode', async () => {
    const sms = '/api/v1/notification-templates/handover.customer_notice/sms/zh-CN';
    const r = await admin.inject('PUT', sms, { body: '{{body}}', providerTemplateId: 'SMS_123456' });
    expect(r.statusCode, r.body).toBe(200);
    const [id] = await t.database.db.transaction((tx) =>
      queueNotifications(tx, [
        { channel: 'sms', recipient: '13800000000', topic: 'handover.customer_notice', subject: '', body: '您好' },
      ]),
    );
    const row = (
      await t.database.db.execute<{ headers: unknown }>(sql`SELECT headers FROM notifications WHERE id = ${id}`)
    ).rows[0];
    // The message's variables go along for the provider's copy of the template (here only the text).
    expect(row?.headers).toEqual({ templateCode: 'SMS_123456', templateParams: { content: '您好' } });
  });

  it('refuses unknown variables, topics and channels', async () => {
    const put = async (path: string, body: Record<string, unknown>) => {
      const res = await admin.inject('PUT', path, body);
      return [res.statusCode, res.json().code];
    };
    expect(await put(url, { subject: '', body: '{{password}}' })).toEqual([
      400,
      'notifications.template_unknown_variable',
    ]);
    expect(await put('/api/v1/notification-templates/nope/email/zh-CN', { body: 'x' })).toEqual([
      400,
      'notifications.unknown_topic',
    ]);
    expect(await put('/api/v1/notification-templates/ticket.reply/robot/zh-CN', { body: 'x' })).toEqual([
      400,
      'notifications.channel_not_allowed',
    ]);
    expect(await put('/api/v1/notification-templates/ticket.reply/fax/zh-CN', { body: 'x' })).toEqual([
      400,
      'validation_failed',
    ]);
    expect(await put('/api/v1/notification-templates/ticket.reply/email/fr', { body: 'x' })).toEqual([
      400,
      'validation_failed',
    ]);
    expect(await put(url, { body: '' })).toEqual([400, 'validation_failed']);
  });

  it('previews a template with sample values (HTML-escaped in the e-mail HTML part)', async () => {
    const preview = (body: Record<string, unknown>, who = admin) =>
      who.post('/api/v1/notification-templates/preview', body);
    expect((await preview({ topic: 'ticket.reply', channel: 'email', locale: 'zh-CN' }, agent)).statusCode).toBe(403);
    const current = await preview({ topic: 'ticket.reply', channel: 'email', locale: 'zh-CN' });
    expect(current.statusCode, current.body).toBe(200);
    expect(current.json().subject).toBe('新回复 T20260101-0001');
    const tried = await preview({
      topic: 'ticket.reply',
      channel: 'email',
      locale: 'en',
      subject: 'Hi {{customerName}}',
      body: '<p>{{customerName}} & {{agentName}}</p>',
    });
    expect(tried.json()).toEqual({
      subject: 'Hi 李四',
      body: '<p>李四 & 张三</p>',
      html: '&lt;p&gt;李四 &amp; 张三&lt;/p&gt;',
    });
    const sms = await preview({
      topic: 'handover.customer_notice',
      channel: 'sms',
      locale: 'zh-CN',
      body: '{{newContact}}',
    });
    expect(sms.json()).toEqual({ subject: '', body: '张三', html: null });
    const bad = await preview({ topic: 'ticket.reply', channel: 'email', locale: 'zh-CN', body: '{{x}}' });
    expect([bad.statusCode, bad.json().code]).toEqual([400, 'notifications.template_unknown_variable']);
    expect((await preview({ topic: 'ticket.reply' })).statusCode).toBe(400);
  });

  it('goes back to the built-in wording on delete (audited); deleting again is a 404', async () => {
    expect((await agent.delete(url)).statusCode).toBe(403);
    expect((await admin.delete(url)).statusCode).toBe(204);
    expect(await auditOf('notification_template.deleted')).toHaveLength(1);
    const again = await admin.delete(url);
    expect([again.statusCode, again.json().code]).toEqual([404, 'notifications.template_not_found']);
    const list = (await admin.get('/api/v1/notification-templates')).json().items;
    const reply = list.find(
      (i: { topic: string; channel: string; locale: string }) =>
        i.topic === 'ticket.reply' && i.channel === 'email' && i.locale === 'zh-CN',
    );
    expect(reply.custom).toBe(false);
  });
});
