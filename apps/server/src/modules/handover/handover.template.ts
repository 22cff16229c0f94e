import { DEFAULT_LOCALE, t } from '@kefu/shared';
import { normalisePhone } from '../customers/index.js';

/** The values a customer notice can mention; each has a Chinese and an English placeholder name. */
export type NoticeValues = {
  customerName: string;
  newContact: string;
  newContactPhone: string | null;
  previousContact: string;
};

const PLACEHOLDERS: Record<string, keyof NoticeValues> = {
  客户名称: 'customerName',
  customerName: 'customerName',
  新对接人: 'newContact',
  newContact: 'newContact',
  新对接人电话: 'newContactPhone',
  newContactPhone: 'newContactPhone',
  原对接人: 'previousContact',
  previousContact: 'previousContact',
};

export const TEMPLATE_PLACEHOLDERS = Object.keys(PLACEHOLDERS);

/**
 * Used when the handover names no template (catalog `notice.customer_handover.*`, in the business
 * language: customers have no language setting). Neutral wording: it fits owners and other staff contacts.
 */
export const DEFAULT_NOTICE_TEMPLATE = t(DEFAULT_LOCALE, 'notice.customer_handover.template');

export const NOTICE_SUBJECT = t(DEFAULT_LOCALE, 'notice.customer_handover.subject');

const TOKEN = /\{([^{}\s]{1,32})\}/g;

/** Placeholder names in `template` that are not known (a typo would otherwise reach the customer verbatim). */
export function unknownPlaceholders(template: string): string[] {
  const unknown = [...template.matchAll(TOKEN)].map((m) => m[1] as string).filter((name) => !(name in PLACEHOLDERS));
  return [...new Set(unknown)];
}

/** Fills the placeholders; a missing phone number reads as "—". */
export function renderNotice(template: string, values: NoticeValues): string {
  return template.replace(TOKEN, (whole, name: string) => {
    const key = PLACEHOLDERS[name];
    if (!key) return whole;
    return values[key] ?? '—';
  });
}

const MAINLAND_MOBILE = /^1[3-9]\d{9}$/;

export type NoticeRecipient = { channel: 'sms' | 'email'; recipient: string };

export type ReachableCustomer = {
  phone: string | null;
  email: string | null;
  contactMobile: string | null;
  contactPhone: string | null;
  contactEmail: string | null;
};

/**
 * Where a customer's notice goes: an SMS to the primary contact's mobile, else to the customer's
 * own number when it is a mobile; else an e-mail to the primary contact, else to the customer.
 * `null` when there is no way to reach them (landlines cannot take an SMS).
 */
export function pickRecipient(c: ReachableCustomer): NoticeRecipient | null {
  for (const phone of [c.contactMobile, c.contactPhone, c.phone]) {
    // Digits only, +86 dropped: "+86 139 6210 1001" and "13962101001" are the same mobile.
    const digits = normalisePhone(phone);
    if (digits && MAINLAND_MOBILE.test(digits)) return { channel: 'sms', recipient: digits };
  }
  const email = c.contactEmail ?? c.email;
  return email ? { channel: 'email', recipient: email.trim() } : null;
}
