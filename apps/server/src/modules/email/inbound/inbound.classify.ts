/**
 * Mail that must never become a ticket: automatic replies (out of office, 自动回复), bounces and
 * delivery reports, read receipts, bulk mail — answering them would start a mail loop — and Kefu's
 * own mail coming back. Decided from the headers (RFC 3834 Auto-Submitted, the de-facto
 * X-Autoreply / X-Autorespond / Precedence, RFC 3464 multipart/report), the sender
 * (MAILER-DAEMON, postmaster, an empty Return-Path) and, last, well-known subjects. Pure.
 */
export type MailFacts = {
  /** Header name (lower case) → value as text. */
  headers: ReadonlyMap<string, string>;
  /** The top-level Content-Type, e.g. `multipart/report; report-type=delivery-status`. */
  contentType: string;
  fromAddress: string | null;
  subject: string;
  messageId: string;
  /** Kefu's own sender address (a mail from it is Kefu's own, looping back). */
  ownAddress: string | null;
};

export type IgnoreReason =
  | 'auto_submitted'
  | 'auto_reply'
  | 'precedence'
  | 'bounce'
  | 'read_receipt'
  | 'own_mail'
  | 'no_sender';

const AUTO_REPLY_SUBJECT =
  /^\s*(自动回复|自動回覆|自动答复|自動回復|auto(matic)?[\s-]*(reply|response)|out of (the )?office|休假|不在办公室)/i;
const BOUNCE_SUBJECT =
  /^\s*(undeliver(able|ed)|delivery (status notification|failure|has failed)|returned mail|mail delivery failed|failure notice|系统退信|退信|邮件投递失败|无法投递)/i;
const BOUNCE_SENDER = /^(mailer-daemon|postmaster)@/i;

export function ignoreReason(mail: MailFacts): IgnoreReason | null {
  const h = (name: string) => mail.headers.get(name)?.trim().toLowerCase() ?? '';
  const autoSubmitted = h('auto-submitted');
  if (autoSubmitted && autoSubmitted !== 'no') return 'auto_submitted';
  if (mail.headers.has('x-autoreply') || mail.headers.has('x-autorespond') || mail.headers.has('x-autoreply-from'))
    return 'auto_reply';
  if (['auto_reply', 'auto-reply', 'bulk', 'junk'].includes(h('precedence'))) return 'precedence';
  const type = mail.contentType.toLowerCase();
  if (type.startsWith('multipart/report')) {
    return /report-type\s*=\s*"?disposition-notification/.test(type) ? 'read_receipt' : 'bounce';
  }
  const from = mail.fromAddress?.trim().toLowerCase() ?? '';
  if (!from) return 'no_sender';
  if (BOUNCE_SENDER.test(from)) return 'bounce';
  if (h('return-path') === '<>') return 'bounce';
  if (mail.ownAddress && from === mail.ownAddress.trim().toLowerCase()) return 'own_mail';
  if (/^<kefu\./i.test(mail.messageId)) return 'own_mail';
  if (BOUNCE_SUBJECT.test(mail.subject)) return 'bounce';
  if (AUTO_REPLY_SUBJECT.test(mail.subject)) return 'auto_reply';
  return null;
}

/** Lines where a reply quotes the mail it answers (Kefu keeps only what is new in a threaded reply). */
const QUOTE_START =
  /^(On .{1,200} wrote:|在.{1,200}写道[:：]|.{0,100}于.{1,100}写道[:：]|-{2,}\s*(Original Message|原始邮件|原始郵件)\s*-{2,}|From:\s.+|发件人[:：].+|寄件者[:：].+)\s*$/im;

/** The new part of a reply: the text before the quoted mail, or the whole text when that would leave nothing. */
export function withoutQuote(text: string): string {
  const match = QUOTE_START.exec(text);
  const head = match ? text.slice(0, match.index) : text;
  const kept = head
    .split('\n')
    .filter((line) => !line.startsWith('>'))
    .join('\n')
    .trim();
  return kept || text.trim();
}
