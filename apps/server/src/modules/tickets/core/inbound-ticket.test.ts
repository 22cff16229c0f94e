import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testFiles } from '../../../../test/helpers.js';
import { findCustomerByContact } from '../../customers/index.js';
import { type TicketWorld, ticketWorld } from '../ticket-work.test-setup.js';
import { appendInboundMessage, attachInboundFile, isRefusedFile, openInboundTicket } from './inbound-ticket.js';

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

describe('tickets: inbound tickets and messages (e-mail, inbound webhooks) written by the system', () => {
  let w: TicketWorld;
  let customerId: string;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kefu-inbound-'));

  beforeAll(async () => {
    w = await ticketWorld({ attachments: { maxBytes: 1024, legacyDir: null }, files: testFiles(dir) });
    const r = await w.admin.post('/api/v1/customers', {
      kind: 'company',
      name: '上海华信医疗器械有限公司',
      email: 'Service@HuaXin.example.cn',
      phone: '021-55551234',
      contacts: [{ name: '刘经理', email: 'liu@huaxin.example.cn', mobile: '+86 13800138000', isPrimary: true }],
    });
    expect(r.statusCode, r.body).toBe(201);
    customerId = r.json().id;
  });
  afterAll(async () => {
    await w?.t.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const db = () => w.t.database.db;
  const deps = () => w.t.app.deps;

  it('finds the customer by its own address (any case), a contact address, or a phone number', async () => {
    expect(await findCustomerByContact(db(), { email: 'service@huaxin.example.CN' })).toEqual({
      customerId,
      contactId: null,
    });
    const viaContact = await findCustomerByContact(db(), { email: 'LIU@huaxin.example.cn' });
    expect(viaContact?.customerId).toBe(customerId);
    expect(viaContact?.contactId).toEqual(expect.any(String));
    expect((await findCustomerByContact(db(), { phone: '13800138000' }))?.customerId).toBe(customerId);
    expect((await findCustomerByContact(db(), { phone: '02155551234' }))?.customerId).toBe(customerId);
    expect(await findCustomerByContact(db(), { email: 'nobody@example.com' })).toBeNull();
    expect(await findCustomerByContact(db(), {})).toBeNull();
  });

  it('opens a ticket without an actor: numbered, searchable, history and audit name the source, ticket.created recorded', async () => {
    const opened = await db().transaction((tx) =>
      openInboundTicket(tx, deps(), {
        channel: 'email',
        customerId,
        subject: '  设备报警\n无法消除  ',
        description: '我们的监护仪一直报警，请尽快处理。',
        source: 'email:service@huaxin.example.cn',
      }),
    );
    expect(opened.number).toMatch(/^GD\d{7,}$/);
    const r = await w.admin.get(`/api/v1/tickets/${opened.id}`);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({
      channel: 'email',
      status: 'received',
      subject: '设备报警 无法消除',
      typeKey: 'consultation',
    });
    const found = await w.admin.get(`/api/v1/tickets?q=${encodeURIComponent('监护仪')}`);
    expect(found.json().items.map((i: { id: string }) => i.id)).toContain(opened.id);
    const history = await db().execute<{ action: string; note: string; actor_id: string | null }>(
      sql`SELECT action, note, actor_id FROM ticket_history WHERE ticket_id = ${opened.id}::uuid`,
    );
    expect(history.rows).toEqual([
      { action: 'created', note: 'inbound:email:service@huaxin.example.cn', actor_id: null },
    ]);
    const audit = await db().execute<{ user_agent: string; actor_id: string | null }>(
      sql`SELECT user_agent, actor_id FROM audit_log WHERE entity_id = ${opened.id} AND action = 'ticket.created'`,
    );
    expect(audit.rows).toEqual([{ user_agent: 'inbound:email email:service@huaxin.example.cn', actor_id: null }]);
    const events = await db().execute<{ name: string }>(
      sql`SELECT name FROM outbox_events WHERE aggregate_id = ${opened.id} ORDER BY id`,
    );
    expect(events.rows.map((e) => e.name)).toContain('ticket.created');
  });

  it("records the contact whose address matched, only when it is the customer's", async () => {
    const match = await findCustomerByContact(db(), { email: 'liu@huaxin.example.cn' });
    const open = (contactId: string | null | undefined, customer: string | null) =>
      db().transaction((tx) =>
        openInboundTicket(tx, deps(), {
          channel: 'email',
          customerId: customer,
          contactId,
          subject: '联系人',
          description: '正文',
        }),
      );
    const withContact = await open(match?.contactId, customerId);
    expect((await w.admin.get(`/api/v1/tickets/${withContact.id}`)).json()).toMatchObject({
      customerId,
      contactId: match?.contactId,
    });
    const without = await open(match?.contactId, null);
    expect((await w.admin.get(`/api/v1/tickets/${without.id}`)).json()).toMatchObject({
      customerId: null,
      contactId: null,
    });
  });

  it('keeps an unknown sender on a ticket without customer', async () => {
    const opened = await db().transaction((tx) =>
      openInboundTicket(tx, deps(), {
        channel: 'api',
        customerId: null,
        subject: '',
        description: '来自网页表单',
        contactName: '陌生人 <who@example.com>',
      }),
    );
    const r = await w.admin.get(`/api/v1/tickets/${opened.id}`);
    expect(r.json()).toMatchObject({
      channel: 'api',
      contactName: '陌生人 <who@example.com>',
      subject: '（无主题）',
    });
  });

  it('appends a customer message: a resolved ticket reopens, a merged one passes it on, ticket.replied recorded', async () => {
    const ticket = await w.ticket(w.agentA, { subject: '发票抬头错误' });
    const resolved = await w.agentA.post(`/api/v1/tickets/${ticket.id}/transitions`, {
      action: 'resolve',
      version: ticket.version,
      process: '核对了开票信息',
      result: '已重新开具发票',
    });
    expect(resolved.statusCode, resolved.body).toBe(200);
    const appended = await db().transaction((tx) =>
      appendInboundMessage(tx, deps(), ticket.id, {
        body: '发票还是不对，抬头少了“有限公司”。',
        from: 'liu@huaxin.example.cn',
      }),
    );
    expect(appended).toMatchObject({ ticketId: ticket.id, reopened: true });
    const after = (await w.agentA.get(`/api/v1/tickets/${ticket.id}`)).json();
    expect(after.status).toBe('investigating');
    expect(after.version).toBeGreaterThan(resolved.json().version);
    const messages = (await w.agentA.get(`/api/v1/tickets/${ticket.id}/messages`)).json();
    const list = (Array.isArray(messages) ? messages : messages.items) as { id: string; kind: string; body: string }[];
    expect(list.find((m) => m.id === appended.messageId)).toMatchObject({ kind: 'inbound' });
    const events = await db().execute<{ name: string }>(
      sql`SELECT name FROM outbox_events WHERE aggregate_id = ${ticket.id} ORDER BY id`,
    );
    expect(events.rows.map((e) => e.name)).toEqual(expect.arrayContaining(['ticket.status_changed', 'ticket.replied']));

    // A message to a ticket that was merged lands on the ticket it was merged into.
    const target = await w.ticket(w.agentA, { subject: '合并目标' });
    const source = await w.ticket(w.agentA, { subject: '重复工单' });
    const merged = await w.sup.post(`/api/v1/tickets/${target.id}/merge`, {
      sourceId: source.id,
      version: target.version,
    });
    expect(merged.statusCode, merged.body).toBe(200);
    const passed = await db().transaction((tx) =>
      appendInboundMessage(tx, deps(), source.id, { body: '补充说明', from: 'liu@huaxin.example.cn' }),
    );
    expect(passed.ticketId).toBe(target.id);
  });

  it('attaches files under the upload rules: stored and recorded; too large, empty and executables refused', async () => {
    const ticket = await w.ticket(w.agentA, { subject: '附件' });
    const { messageId } = await db().transaction((tx) =>
      appendInboundMessage(tx, deps(), ticket.id, { body: '见附件', from: 'liu@huaxin.example.cn' }),
    );
    const results = await db().transaction(async (tx) => [
      await attachInboundFile(tx, deps(), ticket.id, messageId, {
        fileName: '照片.png',
        contentType: 'image/png',
        bytes: PNG,
      }),
      await attachInboundFile(tx, deps(), ticket.id, messageId, {
        fileName: 'big.txt',
        contentType: 'text/plain',
        bytes: Buffer.alloc(2048, 0x61),
      }),
      await attachInboundFile(tx, deps(), ticket.id, messageId, {
        fileName: 'empty.txt',
        contentType: 'text/plain',
        bytes: Buffer.alloc(0),
      }),
      await attachInboundFile(tx, deps(), ticket.id, messageId, {
        fileName: 'invoice.pdf.exe',
        contentType: 'application/pdf',
        bytes: Buffer.from('MZ....'),
      }),
      await attachInboundFile(tx, deps(), ticket.id, null, {
        fileName: 'readme.txt',
        contentType: 'text/plain',
        bytes: Buffer.from('#!/bin/sh\nrm -rf /'),
      }),
    ]);
    expect(isRefusedFile(results[0] as never)).toBe(false);
    expect(results.slice(1)).toEqual([
      { refused: 'too_large', fileName: 'big.txt' },
      { refused: 'empty', fileName: 'empty.txt' },
      { refused: 'type_refused', fileName: 'invoice.pdf.exe', type: '.exe' },
      { refused: 'type_refused', fileName: 'readme.txt', type: 'script' },
    ]);
    const listed = (await w.agentA.get(`/api/v1/tickets/${ticket.id}/attachments`)).json().items;
    expect(listed).toEqual([
      expect.objectContaining({ fileName: '照片.png', contentType: 'image/png', messageId, uploadedBy: null }),
    ]);
    const download = await w.agentA.get(listed[0].downloadUrl);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(PNG)).toBe(true);
  });
});
