/**
 * E-mail threading (RFC 5322 §3.6.4): Kefu's replies carry a Message-ID that names the ticket and
 * the message (`<kefu.<ticketId>.<messageId>@<domain>>`), In-Reply-To the customer's last mail and
 * References the chain; the subject carries the ticket number as `[#GD0000123]`. A customer's reply
 * is threaded back by these headers first, then by the number in its subject. Pure functions.
 */
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const KEFU_ID = new RegExp(`^<?kefu\\.(${UUID})\\.(${UUID})@`, 'i');
/** A ticket number in brackets: `[#GD0000123]` (Kefu's form) or `[GD0000123]`. */
const NUMBER_TAG = /\[#?(GD\d{7,})\]/i;
/** How many ids References keeps (the first and the newest ones, as RFC 5322 suggests trimming). */
const MAX_REFERENCES = 20;

export function kefuMessageId(ticketId: string, messageId: string, domain: string): string {
  return `<kefu.${ticketId}.${messageId}@${domain}>`;
}

/** The ticket a Kefu Message-ID names, if it is one. */
export function ticketOfKefuId(messageId: string): string | null {
  return KEFU_ID.exec(messageId.trim())?.[1]?.toLowerCase() ?? null;
}

/** `<id>` always in angle brackets, without surrounding white space. */
export function normaliseMessageId(id: string): string {
  const trimmed = id.trim();
  return trimmed.startsWith('<') ? trimmed : `<${trimmed}>`;
}

/** The ids of a References / In-Reply-To header (mailparser gives a string or a list). */
export function idsOf(value: string | string[] | undefined | null): string[] {
  const raw = Array.isArray(value) ? value.join(' ') : (value ?? '');
  return (raw.match(/<[^<>\s]+>/g) ?? []).slice(0, 200);
}

/** References of a reply: the parent's references, then the parent itself; trimmed to the first and newest. */
export function referencesFor(parentReferences: string[], parentId: string | null): string[] {
  const chain = [...parentReferences, ...(parentId ? [parentId] : [])].filter((id, i, all) => all.indexOf(id) === i);
  if (chain.length <= MAX_REFERENCES) return chain;
  return [chain[0] as string, ...chain.slice(chain.length - (MAX_REFERENCES - 1))];
}

/** The ticket number a subject carries (`[#GD0000123]`), upper case. */
export function numberInSubject(subject: string | null | undefined): string | null {
  return NUMBER_TAG.exec(subject ?? '')?.[1]?.toUpperCase() ?? null;
}

/**
 * The subject with the ticket number as `[#GD0000123]`: a `[GD0000123]` a template wrote becomes
 * `[#GD0000123]`; without either, the tag is put in front.
 */
export function taggedSubject(subject: string, number: string): string {
  const clean = subject.replace(/[\r\n]+/g, ' ').trim();
  const tag = `[#${number}]`;
  if (clean.toUpperCase().includes(tag.toUpperCase())) return clean;
  const bare = new RegExp(`\\[${number}\\]`, 'i');
  if (bare.test(clean)) return clean.replace(bare, tag);
  return `${tag} ${clean}`.trim();
}

/** `Re: ` once in front of a subject (`回复：`, `答复:`, `AW:`, `Fwd:` prefixes taken off first). */
export function replySubject(subject: string): string {
  const base = subject.replace(/^(\s*(re|aw|sv|fw|fwd|回复|答复|转发)\s*[:：]\s*)+/i, '').trim();
  return `Re: ${base}`;
}
