/**
 * The new-ticket form's values → the create body (`POST /api/v1/tickets`). Pure, unit-tested: the
 * caller is a customer from the archive (customer + contact) or an unknown caller (name + phone);
 * a complaint resolved in this contact sends process and result instead of a next-reply time.
 */
import dayjs, { type Dayjs } from 'dayjs';
import type { CreateTicketBody, FactItem, TicketChannel, TicketPriority } from './types';
import { FACT_ITEMS } from './types';

/** `me`: the agent recording the ticket keeps it (manual, to themselves). */
export type AssignChoice = 'none' | 'me' | 'manual' | 'round_robin' | 'least_loaded';

export type NewTicketValues = {
  typeKey?: string;
  channel?: TicketChannel;
  priority?: TicketPriority;
  caller?: 'customer' | 'unknown';
  customerId?: string;
  contactId?: string;
  contactName?: string;
  contactPhone?: string;
  subject?: string;
  description?: string;
  facts?: FactItem[];
  isMajor?: boolean;
  assign?: AssignChoice;
  assigneeId?: string;
  resolvedNow?: boolean;
  process?: string;
  result?: string;
  nextReplyAt?: Dayjs | string | null;
  tags?: string[];
  forbiddenOverrideReason?: string;
};

const trimmed = (value: string | undefined) => {
  const s = value?.trim();
  return s ? s : undefined;
};

/** The checklist as the API's record: every item, ticked or not. */
export function factsRecord(ticked: readonly FactItem[] | undefined): Partial<Record<FactItem, boolean>> {
  const set = new Set(ticked ?? []);
  return Object.fromEntries(FACT_ITEMS.map((item) => [item, set.has(item)])) as Partial<Record<FactItem, boolean>>;
}

export function toCreateBody(
  values: NewTicketValues,
  { isComplaint, meId }: { isComplaint: boolean; meId?: string },
): CreateTicketBody {
  const resolvedNow = values.resolvedNow === true;
  const choice = values.assign ?? 'none';
  const assigneeId = choice === 'me' ? meId : choice === 'manual' ? values.assigneeId : undefined;
  const assign = choice === 'me' ? (meId ? 'manual' : 'none') : choice;
  const body: CreateTicketBody = {
    typeKey: values.typeKey ?? '',
    channel: values.channel ?? 'phone',
    subject: values.subject?.trim() ?? '',
    description: values.description?.trim() ?? '',
    ...(values.priority ? { priority: values.priority } : {}),
    isMajor: isComplaint && values.isMajor === true,
    assign,
    ...(assign === 'manual' && assigneeId ? { assigneeId } : {}),
  };
  if (values.caller === 'unknown') {
    const name = trimmed(values.contactName);
    const phone = trimmed(values.contactPhone);
    if (name) body.contactName = name;
    if (phone) body.contactPhone = phone;
  } else {
    if (values.customerId) body.customerId = values.customerId;
    if (values.customerId && values.contactId) body.contactId = values.contactId;
  }
  if (isComplaint) body.facts = factsRecord(values.facts);
  const tags = (values.tags ?? []).map((t) => t.trim()).filter(Boolean);
  if (tags.length > 0) body.tags = [...new Set(tags)];
  if (resolvedNow) {
    body.resolvedAtFirstContact = { process: values.process?.trim() ?? '', result: values.result?.trim() ?? '' };
  } else if (values.nextReplyAt) {
    body.nextReplyAt = dayjs(values.nextReplyAt).toISOString();
  }
  const reason = trimmed(values.forbiddenOverrideReason);
  if (reason) body.forbiddenOverrideReason = reason;
  return body;
}

/** A phone number's digits as the server compares them (`+86 138…` and `138…` are the same number). */
export function phoneDigits(phone: string | null | undefined): string {
  const digits = (phone ?? '').replace(/\D/g, '');
  return digits.length === 13 && digits.startsWith('86') ? digits.slice(2) : digits;
}

type ContactLike = { id: string; phone?: string | null; mobile?: string | null; isPrimary?: boolean };

/**
 * The contact to pre-fill for a customer: the one whose mobile or phone is `phone` (an incoming
 * call), else the primary contact, else the first; undefined when the customer has none.
 */
export function pickContact(contacts: readonly ContactLike[], phone?: string | null): string | undefined {
  const wanted = phoneDigits(phone);
  if (wanted) {
    const caller = contacts.find((c) => phoneDigits(c.mobile) === wanted || phoneDigits(c.phone) === wanted);
    if (caller) return caller.id;
  }
  return (contacts.find((c) => c.isPrimary) ?? contacts[0])?.id;
}

/** What the new-ticket address asks for: `?customerId=` (customer page) or `?phone=&channel=` (an incoming call). */
export type NewTicketParams = { customerId?: string; phone?: string; channel?: TicketChannel };

export function newTicketParams(search: URLSearchParams, channels: readonly TicketChannel[]): NewTicketParams {
  const customerId = search.get('customerId')?.trim();
  const phone = search.get('phone')?.trim();
  const channel = search.get('channel') as TicketChannel | null;
  return {
    ...(customerId && /^[0-9a-f-]{36}$/i.test(customerId) ? { customerId } : {}),
    ...(phone && phoneDigits(phone).length >= 4 ? { phone: phone.slice(0, 32) } : {}),
    ...(channel && channels.includes(channel) ? { channel } : {}),
  };
}
