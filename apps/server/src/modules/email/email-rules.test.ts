import { sql } from 'drizzle-orm';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  appendMail,
  dovecotRunnable,
  type EmailWorld,
  emailWorld,
  IMAP_PASSWORD,
  mail,
  saveSettings,
} from './email.test-setup.js';
import { pollEmail } from './inbound/email.jobs.js';
import { processMail } from './inbound/inbound.service.js';

describe.runIf(dovecotRunnable)(
  'e-mail rules: who gets a reply by mail, exactly once, the minute job, a refused login',
  () => {
    let w: EmailWorld;
    beforeAll(async () => {
      w = await emailWorld();
    });
    afterAll(async () => w?.close());
    const poll = () => w.poll();
    const inbound = (query = '') => w.inbound(query);
    const ticketCount = () => w.ticketCount();

    /** Waits until the reply listener handled the `ticket.replied` event of `messageId`. */
    const replyHandled = async (messageId: string) => {
      for (const deadline = Date.now() + 20_000; Date.now() < deadline; ) {
        const rows = await w.t.database.db.execute<{ status: string }>(
          sql`SELECT d.status FROM outbox_deliveries d JOIN outbox_events e ON e.id = d.event_id
          WHERE d.listener = 'email.reply_to_customer' AND e.payload->>'messageId' = ${messageId}`,
        );
        if (rows.rows[0]?.status === 'delivered') return;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`the reply listener never handled ${messageId}`);
    };

    it('mails a reply on a phone ticket to a customer reachable only by e-mail; not to one with a phone, nor notes', async () => {
      const customer = async (body: Record<string, unknown>) => {
        const r = await w.admin.post('/api/v1/customers', { kind: 'person', ...body });
        expect(r.statusCode, r.body).toBe(201);
        return r.json().id as string;
      };
      const ticketFor = async (id: string) => {
        const r = await w.admin.post('/api/v1/tickets', {
          typeKey: 'consultation',
          channel: 'phone',
          subject: '来电咨询保修',
          description: '客户来电询问保修期。',
          customerId: id,
        });
        expect(r.statusCode, r.body).toBe(201);
        return r.json() as { id: string; number: string };
      };
      const emailOnly = await ticketFor(await customer({ name: '王女士', email: 'wang@example.cn' }));
      const withPhone = await ticketFor(
        await customer({ name: '赵先生', email: 'zhao@example.cn', phone: '13800138001' }),
      );
      const sentBefore = w.smtp.received.length;
      const note = await w.admin.post(`/api/v1/tickets/${emailOnly.id}/messages`, { kind: 'note', body: '内部备注' });
      const phoneReply = await w.admin.post(`/api/v1/tickets/${withPhone.id}/messages`, {
        kind: 'reply',
        body: '已电话答复。',
      });
      const reply = await w.admin.post(`/api/v1/tickets/${emailOnly.id}/messages`, {
        kind: 'reply',
        body: '保修期为两年。',
      });
      for (const r of [note, phoneReply, reply]) expect(r.statusCode, r.body).toBe(201);
      await replyHandled(phoneReply.json().id);
      const sent = await w.smtp.next(sentBefore + 1);
      expect(sent.to).toEqual(['wang@example.cn']);
      expect(sent.parsed.subject).toBe(`[#${emailOnly.number}] Re: 来电咨询保修`);
      expect(sent.parsed.messageId).toBe(`<kefu.${emailOnly.id}.${reply.json().id}@kefu.example.cn>`);
      expect(sent.parsed.inReplyTo).toBeUndefined();
      await new Promise((r) => setTimeout(r, 500));
      expect(w.smtp.received.length).toBe(sentBefore + 1);
    });

    it('takes a mail exactly once when two pollers process it at the same time', async () => {
      const raw = Buffer.from(
        mail(
          { From: 'race@example.cn', Subject: '并发', 'Message-ID': '<race@example.cn>' },
          '同一封邮件被两个实例同时读取。',
        ).replace(/\n/g, '\r\n'),
      );
      const parsed = await simpleParser(raw);
      const meta = { uid: null, size: raw.length, ownAddress: 'service@kefu.example.cn' };
      const before = await ticketCount();
      const results = await Promise.all([
        processMail(w.t.app.deps, parsed, raw, meta),
        processMail(w.t.app.deps, parsed, raw, meta),
      ]);
      expect(results.map((r) => r.outcome).sort()).toEqual(['created', 'duplicate']);
      expect(await ticketCount()).toBe((before as number) + 1);
    });

    it('polls from the minute job only when polling is enabled', async () => {
      await appendMail(
        w.imap,
        mail({ From: 'job@example.cn', Subject: '定时读取', 'Message-ID': '<job@example.cn>' }, '由定时任务读取。'),
      );
      const runJob = () => pollEmail.handler({ deps: w.t.app.deps, data: {}, jobId: 'test' });
      await runJob();
      expect((await inbound()).some((r: { messageId: string }) => r.messageId === '<job@example.cn>')).toBe(false);
      await saveSettings(w.admin, { pollingEnabled: true });
      await runJob();
      expect((await inbound()).find((r: { messageId: string }) => r.messageId === '<job@example.cn>')).toMatchObject({
        outcome: 'created',
      });
      await saveSettings(w.admin, { pollingEnabled: false });
    });

    it('answers 502 email.imap_failed when the mailbox refuses the login, and shows why on the settings', async () => {
      await saveSettings(w.admin, { imapPassword: 'wrong-password' });
      const r = await w.admin.post('/api/v1/email/poll');
      expect(r.statusCode, r.body).toBe(502);
      expect(r.json()).toMatchObject({ code: 'email.imap_failed' });
      const settings = (await w.admin.get('/api/v1/email/settings')).json();
      expect(settings.lastPollError).toBeTruthy();
      await saveSettings(w.admin, { imapPassword: IMAP_PASSWORD });
      expect(await poll()).toMatchObject({ failed: 0 });
      expect((await w.admin.get('/api/v1/email/settings')).json().lastPollError).toBeNull();
    });
  },
);
