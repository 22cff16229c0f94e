import { describe, expect, it } from 'vitest';
import { ignoreReason, type MailFacts, withoutQuote } from './inbound.classify.js';

const mail = (over: Partial<MailFacts> & { h?: Record<string, string> } = {}): MailFacts => ({
  headers: new Map(Object.entries(over.h ?? {})),
  contentType: over.contentType ?? 'text/plain; charset=utf-8',
  fromAddress: over.fromAddress === undefined ? 'liu@huaxin.example.cn' : over.fromAddress,
  subject: over.subject ?? '设备报警',
  messageId: over.messageId ?? '<a1@huaxin.example.cn>',
  ownAddress: over.ownAddress ?? 'service@kefu.example.cn',
});

describe('e-mail in: what never becomes a ticket', () => {
  it('lets an ordinary customer mail through (Auto-Submitted: no, Precedence: list included)', () => {
    expect(ignoreReason(mail())).toBeNull();
    expect(ignoreReason(mail({ h: { 'auto-submitted': 'no', precedence: 'list' } }))).toBeNull();
    expect(ignoreReason(mail({ subject: '关于自动回复功能的咨询' }))).toBeNull();
  });

  it('recognises automatic replies by header and by subject', () => {
    expect(ignoreReason(mail({ h: { 'auto-submitted': 'auto-replied' } }))).toBe('auto_submitted');
    expect(ignoreReason(mail({ h: { 'x-autoreply': 'yes' } }))).toBe('auto_reply');
    expect(ignoreReason(mail({ h: { 'x-autorespond': 'Out of office' } }))).toBe('auto_reply');
    for (const value of ['auto_reply', 'bulk', 'junk', 'Bulk'])
      expect(ignoreReason(mail({ h: { precedence: value } }))).toBe('precedence');
    for (const subject of [
      '自动回复：设备报警',
      '自動回覆: 設備',
      'Automatic reply: hello',
      'Out of Office: 休假',
      'Auto-Reply',
    ])
      expect(ignoreReason(mail({ subject }))).toBe('auto_reply');
  });

  it('recognises bounces and delivery reports, and read receipts', () => {
    expect(ignoreReason(mail({ contentType: 'multipart/report; report-type=delivery-status; boundary="x"' }))).toBe(
      'bounce',
    );
    expect(
      ignoreReason(mail({ contentType: 'multipart/report; report-type="disposition-notification"; boundary=y' })),
    ).toBe('read_receipt');
    expect(ignoreReason(mail({ fromAddress: 'MAILER-DAEMON@mx.example.com' }))).toBe('bounce');
    expect(ignoreReason(mail({ fromAddress: 'postmaster@qq.com' }))).toBe('bounce');
    expect(ignoreReason(mail({ h: { 'return-path': '<>' } }))).toBe('bounce');
    for (const subject of [
      'Undeliverable: 设备报警',
      'Delivery Status Notification (Failure)',
      '系统退信',
      'Mail delivery failed',
    ])
      expect(ignoreReason(mail({ subject }))).toBe('bounce');
  });

  it("ignores Kefu's own mail coming back and mail without a sender", () => {
    expect(ignoreReason(mail({ fromAddress: 'Service@Kefu.example.cn' }))).toBe('own_mail');
    expect(ignoreReason(mail({ messageId: '<kefu.1.2@kefu.example.cn>' }))).toBe('own_mail');
    expect(ignoreReason(mail({ fromAddress: null }))).toBe('no_sender');
  });
});

describe('e-mail in: the new part of a reply', () => {
  it('cuts the quoted mail (English, Chinese, Outlook) and quoted lines', () => {
    expect(withoutQuote('好的，谢谢。\n\n在 2026年12月7日 10:00，客服 写道：\n> 您好')).toBe('好的，谢谢。');
    expect(withoutQuote('Thanks!\n\nOn Mon, 7 Dec 2026 at 10:00, Kefu <s@k.cn> wrote:\n> hi')).toBe('Thanks!');
    expect(withoutQuote('收到\n-----原始邮件-----\n发件人: 客服')).toBe('收到');
    expect(withoutQuote('收到\n> 引用')).toBe('收到');
    expect(withoutQuote('> 全是引用')).toBe('> 全是引用');
  });
});
