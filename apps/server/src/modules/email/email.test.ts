import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendMail, dovecotRunnable, type EmailWorld, emailWorld, mail, mailboxFlags } from './email.test-setup.js';

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

describe.runIf(dovecotRunnable)('e-mail round trip: Dovecot (IMAP) in, smtp-server (SMTP) out', () => {
  let w: EmailWorld;
  beforeAll(async () => {
    w = await emailWorld();
  });
  afterAll(async () => w?.close());
  const poll = () => w.poll();
  const inbound = (query = '') => w.inbound(query);
  const ticketCount = () => w.ticketCount();
  const messagesOf = (ticketId: string) => w.messagesOf(ticketId);
  let first: { ticketId: string; number: string };
  let kefuReplyId: string;

  it('turns a customer mail into an e-mail ticket for the customer with its attachments; marks it \\Seen', async () => {
    const boundary = 'b1';
    await appendMail(
      w.imap,
      mail(
        {
          From: '=?UTF-8?B?5YiY57uP55CG?= <liu@huaxin.example.cn>',
          To: 'service@kefu.example.cn',
          Subject: '=?UTF-8?B?55uR5oqk5Luq5oql6K2m5peg5rOV5raI6Zmk?=',
          'Message-ID': '<m1.20261207@huaxin.example.cn>',
        },
        [
          `--${boundary}`,
          'Content-Type: text/plain; charset=utf-8',
          '',
          '您好，我们的监护仪一直报警，重启后仍无法消除，请尽快处理。',
          `--${boundary}`,
          'Content-Type: image/png; name="photo.png"',
          'Content-Disposition: attachment; filename="photo.png"',
          'Content-Transfer-Encoding: base64',
          '',
          PNG.toString('base64'),
          `--${boundary}`,
          'Content-Type: application/octet-stream; name="setup.exe"',
          'Content-Disposition: attachment; filename="setup.exe"',
          'Content-Transfer-Encoding: base64',
          '',
          Buffer.from('MZ\x90\x00rest').toString('base64'),
          `--${boundary}--`,
        ].join('\n'),
        `multipart/mixed; boundary="${boundary}"`,
      ),
    );
    expect(await poll()).toMatchObject({ fetched: 1, created: 1, threaded: 0, ignored: 0 });
    const [row] = await inbound();
    expect(row).toMatchObject({
      messageId: '<m1.20261207@huaxin.example.cn>',
      direction: 'in',
      outcome: 'created',
      fromAddress: 'liu@huaxin.example.cn',
      fromName: '刘经理',
      subject: '监护仪报警无法消除',
      attachments: [
        { fileName: 'photo.png', size: PNG.length },
        { fileName: 'setup.exe', refused: 'type_refused:.exe' },
      ],
    });
    const ticket = (await w.admin.get(`/api/v1/tickets/${row.ticketId}`)).json();
    expect(ticket).toMatchObject({
      channel: 'email',
      status: 'received',
      subject: '监护仪报警无法消除',
      description: '您好，我们的监护仪一直报警，重启后仍无法消除，请尽快处理。',
    });
    expect(ticket.customer?.id ?? ticket.customerId).toBe(w.customerId);
    first = { ticketId: row.ticketId, number: ticket.number };
    const files = (await w.admin.get(`/api/v1/tickets/${row.ticketId}/attachments`)).json().items;
    expect(files.map((f: { fileName: string }) => f.fileName)).toEqual(['photo.png']);
    expect([...(await mailboxFlags(w.imap)).values()][0]).toContain('\\Seen');
    // Read once: the next poll finds nothing new.
    expect(await poll()).toMatchObject({ fetched: 0, created: 0 });
  });

  it("sends an agent's public reply to the customer over SMTP, threaded under the customer's mail", async () => {
    const r = await w.admin.post(`/api/v1/tickets/${first.ticketId}/messages`, {
      kind: 'reply',
      body: '刘经理您好，工程师将于明天上午到场检修。',
    });
    expect(r.statusCode, r.body).toBe(201);
    const messageId = r.json().id;
    const sent = await w.smtp.next(1);
    kefuReplyId = `<kefu.${first.ticketId}.${messageId}@kefu.example.cn>`;
    expect(sent.to).toEqual(['liu@huaxin.example.cn']);
    expect(sent.parsed.from?.value[0]).toMatchObject({ address: 'service@kefu.example.cn', name: '客服中心' });
    expect(sent.parsed.messageId).toBe(kefuReplyId);
    expect(sent.parsed.inReplyTo).toBe('<m1.20261207@huaxin.example.cn>');
    expect([sent.parsed.references].flat()).toEqual(['<m1.20261207@huaxin.example.cn>']);
    expect(sent.parsed.subject).toContain(`[#${first.number}]`);
    expect(sent.parsed.subject).toContain('Re: 监护仪报警无法消除');
    expect(sent.parsed.text).toContain('工程师将于明天上午到场检修');
    expect(sent.parsed.headers.get('auto-submitted')).toBeUndefined();
    const out = await inbound('?direction=out');
    expect(out[0]).toMatchObject({ messageId: kefuReplyId, outcome: 'queued', ticketId: first.ticketId });
    const [notification] = (
      await w.t.database.db.execute<{ status: string; topic: string; customer_id: string }>(
        sql`SELECT status, topic, customer_id FROM notifications WHERE id = ${out[0].notificationId}::uuid`,
      )
    ).rows;
    expect(notification).toMatchObject({ status: 'sent', topic: 'ticket.reply', customer_id: w.customerId });
  });

  it("threads the customer's answer onto the same ticket by its headers (quoted text left out)", async () => {
    await appendMail(
      w.imap,
      mail(
        {
          From: 'liu@huaxin.example.cn',
          Subject: `=?UTF-8?B?${Buffer.from(`回复：[#${first.number}] Re: 监护仪报警无法消除`).toString('base64')}?=`,
          'Message-ID': '<m2.20261207@huaxin.example.cn>',
          'In-Reply-To': kefuReplyId,
          References: `<m1.20261207@huaxin.example.cn> ${kefuReplyId}`,
        },
        '好的，明天上午有人接待。\n\n在 2026年12月7日 10:00，客服中心 写道：\n> 刘经理您好，工程师将于明天上午到场检修。',
      ),
    );
    const before = await ticketCount();
    expect(await poll()).toMatchObject({ fetched: 1, created: 0, threaded: 1 });
    expect(await ticketCount()).toBe(before);
    const last = (await messagesOf(first.ticketId)).at(-1);
    expect(last).toMatchObject({ kind: 'inbound', channel: 'email', body: '好的，明天上午有人接待。' });
    expect((await inbound())[0]).toMatchObject({ outcome: 'threaded', ticketId: first.ticketId });
  });

  it('threads by the ticket number in the subject only for a sender known on the ticket', async () => {
    await appendMail(
      w.imap,
      mail(
        { From: 'liu@huaxin.example.cn', Subject: `[#${first.number}] 补充`, 'Message-ID': '<m3@huaxin.example.cn>' },
        '补充一张照片稍后发送。',
      ),
    );
    await appendMail(
      w.imap,
      mail(
        { From: 'stranger@example.com', Subject: `[#${first.number}] 冒名`, 'Message-ID': '<x1@example.com>' },
        '这不是该工单的客户。',
      ),
    );
    expect(await poll()).toMatchObject({ fetched: 2, created: 1, threaded: 1 });
    const rows = await inbound();
    expect(rows.find((r: { messageId: string }) => r.messageId === '<m3@huaxin.example.cn>')).toMatchObject({
      outcome: 'threaded',
      ticketId: first.ticketId,
      reason: 'subject_number',
    });
    const stranger = rows.find((r: { messageId: string }) => r.messageId === '<x1@example.com>');
    expect(stranger.outcome).toBe('created');
    expect(stranger.ticketId).not.toBe(first.ticketId);
    const ticket = (await w.admin.get(`/api/v1/tickets/${stranger.ticketId}`)).json();
    expect(ticket).toMatchObject({ contactName: 'stranger@example.com' });
    expect(ticket.customer ?? ticket.customerId ?? null).toBeNull();
  });

  it('reads GBK, GB2312 and Big5 mails correctly (subject and body)', async () => {
    // Bytes from: python3 -c "import base64; print(base64.b64encode('…'.encode('gbk')).decode())"
    const cases = [
      {
        charset: 'GBK',
        subject: '18nRr6O6t6LGscynzbehsNPQz965q8u+obHIscqn',
        body: 'xPq6w6OsztLLvsrVtb21xLeixrHMp823ydnBy6Gw09DP3rmry76hscvEuPbX1qOsx+vW2NDCv6q+36Gj0LvQu6Oh',
        expected: ['咨询：发票抬头“有限公司”缺失', '您好，我司收到的发票抬头少了“有限公司”四个字，请重新开具。谢谢！'],
      },
      {
        charset: 'GB2312',
        subject: 'yeixuM6s0N7UpNS8',
        body: 'x+uwssXFuaSzzMqmz8LW3Lb+yc/O58nPw8XOrNDevOC7pNLHoaM=',
        expected: ['设备维修预约', '请安排工程师下周二上午上门维修监护仪。'],
      },
      {
        charset: 'Big5',
        subject: 'wWPF6bZspfOhR7Kjq36rT6lUrGS43w==',
        body: 'vdCw3bZRpL2lcbKjq36quqtPqVS0waxPpmikW6FIwcLBwqFD',
        expected: ['繁體郵件：產品保固查詢', '請問貴公司產品的保固期是多久？謝謝。'],
      },
    ];
    for (const [i, c] of cases.entries()) {
      await appendMail(
        w.imap,
        [
          `From: =?${c.charset}?B?${c.subject}?= <cn${i}@example.cn>`,
          `Subject: =?${c.charset}?B?${c.subject}?=`,
          `Message-ID: <cn${i}@example.cn>`,
          'MIME-Version: 1.0',
          `Content-Type: text/plain; charset=${c.charset}`,
          'Content-Transfer-Encoding: base64',
          '',
          c.body,
          '',
        ].join('\n'),
      );
    }
    expect(await poll()).toMatchObject({ fetched: 3, created: 3 });
    for (const [i, c] of cases.entries()) {
      const row = (await inbound()).find((r: { messageId: string }) => r.messageId === `<cn${i}@example.cn>`);
      const ticket = (await w.admin.get(`/api/v1/tickets/${row.ticketId}`)).json();
      expect([ticket.subject, ticket.description]).toEqual(c.expected);
      expect(ticket.contactName).toBe(`${c.expected[0]} <cn${i}@example.cn>`);
    }
  });

  it('records auto-replies, bounces and read receipts as ignored — never a ticket', async () => {
    const before = await ticketCount();
    const from = { From: 'liu@huaxin.example.cn' };
    await appendMail(
      w.imap,
      mail(
        {
          ...from,
          Subject: '自动回复：监护仪报警无法消除',
          'Auto-Submitted': 'auto-replied',
          'Message-ID': '<a1@huaxin.example.cn>',
        },
        '我正在休假。',
      ),
    );
    await appendMail(
      w.imap,
      mail({ ...from, Subject: '自动回复', 'Message-ID': '<a2@huaxin.example.cn>' }, '本邮件为自动回复。'),
    );
    await appendMail(
      w.imap,
      mail(
        { ...from, Subject: 'Out of office', 'X-Autoreply': 'yes', 'Message-ID': '<a3@huaxin.example.cn>' },
        'Away.',
      ),
    );
    await appendMail(
      w.imap,
      mail({ ...from, Subject: '通知', Precedence: 'bulk', 'Message-ID': '<a4@huaxin.example.cn>' }, '群发。'),
    );
    await appendMail(
      w.imap,
      mail(
        {
          From: 'MAILER-DAEMON@mx.huaxin.example.cn',
          Subject: 'Undelivered Mail Returned to Sender',
          'Message-ID': '<b1@mx.huaxin.example.cn>',
        },
        [
          '--r1',
          'Content-Type: text/plain; charset=utf-8',
          '',
          'This is the mail system. Your message could not be delivered.',
          '--r1',
          'Content-Type: message/delivery-status',
          '',
          'Reporting-MTA: dns; mx.huaxin.example.cn',
          '',
          'Final-Recipient: rfc822; nobody@huaxin.example.cn',
          'Action: failed',
          'Status: 5.1.1',
          '--r1--',
        ].join('\n'),
        'multipart/report; report-type=delivery-status; boundary="r1"',
      ),
    );
    await appendMail(
      w.imap,
      mail(
        { ...from, Subject: '已读: 监护仪报警无法消除', 'Message-ID': '<r1@huaxin.example.cn>' },
        [
          '--d1',
          'Content-Type: text/plain',
          '',
          'Your message was read.',
          '--d1',
          'Content-Type: message/disposition-notification',
          '',
          'Disposition: manual-action/MDN-sent-manually; displayed',
          '--d1--',
        ].join('\n'),
        'multipart/report; report-type=disposition-notification; boundary="d1"',
      ),
    );
    expect(await poll()).toMatchObject({ fetched: 6, ignored: 6, created: 0, threaded: 0 });
    expect(await ticketCount()).toBe(before);
    const ignored = await inbound('?outcome=ignored');
    const reasons = Object.fromEntries(
      ignored.map((r: { messageId: string; reason: string }) => [r.messageId, r.reason]),
    );
    expect(reasons).toMatchObject({
      '<a1@huaxin.example.cn>': 'auto_submitted',
      '<a2@huaxin.example.cn>': 'auto_reply',
      '<a3@huaxin.example.cn>': 'auto_reply',
      '<a4@huaxin.example.cn>': 'precedence',
      '<b1@mx.huaxin.example.cn>': 'bounce',
      '<r1@huaxin.example.cn>': 'read_receipt',
    });
  });

  it('skips a mail over the size limit by its IMAP size, and takes a Message-ID only once', async () => {
    const before = await ticketCount();
    await appendMail(
      w.imap,
      mail({ From: 'big@example.cn', Subject: '大附件', 'Message-ID': '<big@example.cn>' }, 'x'.repeat(70 * 1024)),
    );
    // The first mail again (delivered twice, or copied back into the mailbox).
    await appendMail(
      w.imap,
      mail(
        { From: 'liu@huaxin.example.cn', Subject: '重复', 'Message-ID': '<m1.20261207@huaxin.example.cn>' },
        '重复投递',
      ),
    );
    expect(await poll()).toMatchObject({ fetched: 2, skipped: 1, duplicate: 1, created: 0 });
    expect(await ticketCount()).toBe(before);
    const skipped = await inbound('?outcome=skipped');
    expect(skipped[0]).toMatchObject({
      messageId: '<big@example.cn>',
      reason: expect.stringMatching(/^too_large:\d+>65536$/),
    });
  });
});
