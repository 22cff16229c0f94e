import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../../test/helpers.js';
import { recordEvent } from '../../../events/outbox.js';
import { dayIn } from './digest.figures.js';
import { sendDailyDigest } from './digest.jobs.js';

type Row = {
  recipient: string;
  topic: string;
  subject: string;
  body: string;
  status: string;
  headers: unknown;
  locale: string;
};

/** What robots are told: escalations and warnings by subscription, in the robot's language; the daily digest. */
describe('robots: alerts and the daily digest', () => {
  let t: TestApp;
  let admin: Session;
  const robots: Record<'zh' | 'en' | 'off' | 'digest', string> = { zh: '', en: '', off: '', digest: '' };
  let ticket: { id: string; number: string };

  const robotRows = async (topic: string) =>
    (
      await t.database.db.execute<Row>(
        sql`SELECT recipient, topic, subject, body, status, headers, locale FROM notifications
            WHERE channel = 'robot' AND topic = ${topic} ORDER BY created_at, recipient`,
      )
    ).rows;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.signIn('admin');
    const create = async (body: Record<string, unknown>) => {
      const r = await admin.post('/api/v1/robots', {
        kind: 'wecom',
        url: 'http://127.0.0.1:9/cgi-bin/webhook/send?key=k',
        ...body,
      });
      expect(r.statusCode, r.body).toBe(201);
      return r.json().id as string;
    };
    robots.zh = await create({ name: '主管群', topics: ['sla.escalated', 'sla.warned'] });
    robots.en = await create({ name: 'Managers', topics: ['sla.escalated'], locale: 'en', kind: 'dingtalk' });
    robots.off = await create({ name: '停用', topics: ['sla.escalated', 'digest.daily'], enabled: false });
    robots.digest = await create({ name: '日报群', topics: ['digest.daily'], kind: 'feishu' });
    const customer = await admin.post('/api/v1/customers', { kind: 'person', name: '王丽', phone: '13812345678' });
    const made = await admin.post('/api/v1/tickets', {
      typeKey: 'consultation',
      channel: 'phone',
      subject: '发票抬头如何修改',
      description: '客户来电咨询发票抬头修改流程。',
      customerId: customer.json().id,
    });
    expect(made.statusCode, made.body).toBe(201);
    ticket = made.json();
    const complaint = await admin.post('/api/v1/tickets', {
      typeKey: 'complaint',
      channel: 'phone',
      subject: '安装师傅迟到',
      description: '客户投诉安装师傅迟到两小时。',
      customerId: customer.json().id,
      nextReplyAt: new Date(Date.now() + 3600_000).toISOString(),
    });
    expect(complaint.statusCode, complaint.body).toBe(201);
  });
  afterAll(async () => t?.close());

  const fired = { clockId: randomUUID(), metric: 'resolution', late: false, recipients: [], channels: ['in_app'] };

  it('an escalation goes to every enabled robot subscribed to it, in the robot’s language, with a link', async () => {
    await recordEvent(t.database.db, 'sla.escalated', { ticketId: ticket.id, ...fired, step: 2, manual: false });
    await t.app.deps.outbox.drain();
    const rows = await robotRows('sla.escalated');
    expect(rows.map((r) => r.recipient).sort()).toEqual([robots.zh, robots.en].sort());
    const zh = rows.find((r) => r.recipient === robots.zh) as Row;
    const en = rows.find((r) => r.recipient === robots.en) as Row;
    expect(zh).toMatchObject({ status: 'queued', locale: 'zh-CN' });
    expect(`${zh.subject}\n${zh.body}`).toContain(`工单 ${ticket.number} 解决已超时，升级至第 2 级`);
    expect(zh.body).toContain('发票抬头如何修改');
    expect(zh.headers).toMatchObject({ link: `${t.config.baseUrl}/tickets/${ticket.id}` });
    expect(en.locale).toBe('en');
    expect(`${en.subject}\n${en.body}`).toContain(`Ticket ${ticket.number}: resolution overdue, escalated to level 2`);
    expect(en.body).toContain('Assignee:');
  });

  it('a warning goes only to robots subscribed to sla.warned; a breach reads as overdue', async () => {
    await recordEvent(t.database.db, 'sla.warned', { ticketId: ticket.id, ...fired, step: 80 });
    await recordEvent(t.database.db, 'sla.warned', { ticketId: ticket.id, ...fired, step: 100 });
    await t.app.deps.outbox.drain();
    const rows = await robotRows('sla.warned');
    expect(rows.map((r) => r.recipient)).toEqual([robots.zh, robots.zh]);
    const texts = rows.map((r) => `${r.subject}\n${r.body}`);
    expect(texts.some((x) => x.includes('即将超时（已过 80%）'))).toBe(true);
    expect(texts.some((x) => x.includes(`工单 ${ticket.number} 解决已超时`))).toBe(true);
  });

  it('the daily digest tells yesterday’s figures once, to subscribed enabled robots', async () => {
    await t.app.deps.outbox.drain();
    const today = dayIn(new Date(), t.config.timezone);
    const tomorrowMorning = new Date(Date.now() + 24 * 3600_000);
    const sent = await t.database.db.transaction((tx) => sendDailyDigest(tx, t.app.deps, tomorrowMorning));
    expect(sent).toBe(1);
    const again = await t.database.db.transaction((tx) => sendDailyDigest(tx, t.app.deps, tomorrowMorning));
    expect(again).toBe(0);
    const rows = await robotRows('digest.daily');
    expect(rows).toHaveLength(1);
    expect(rows[0]?.recipient).toBe(robots.digest);
    const text = `${rows[0]?.subject}\n${rows[0]?.body}`;
    expect(text).toContain(today);
    expect(text).toContain('新建工单 2 个，其中投诉 1 个（重大投诉 0 个）；时限超时 1 次');
  });
});
