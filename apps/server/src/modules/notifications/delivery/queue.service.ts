import { DEFAULT_LOCALE, type Locale, type MessageRef, renderRef } from '@kefu/shared';
import type { DbOrTx } from '../../../db/client.js';
import { recordEvent } from '../../../events/outbox.js';
import type { Channel, DeliveryChannel } from '../../../lib/channel-adapter.js';
import { findUserRow } from '../../users/index.js';
import type { NotificationStatus } from '../notifications.tables.js';
import { customerPreferences, preferencesForTopic } from '../preferences/preferences.repository.js';
import type { TemplateVars } from '../templates/templates.render.js';
import { renderMessage } from '../templates/templates.resolve.js';
import { type Topic, topicOf } from '../topics.js';
import * as repo from './delivery.repository.js';

export type NotificationContent = { subject: MessageRef; body: MessageRef };

/**
 * A message handed to the notification layer, inside the caller's transaction (so it exists
 * exactly when the change that caused it committed).
 * - `in_app` to a user (recipient: the user id): stored `sent`; the user's preferences for the
 *   topic add e-mail / SMS copies to the user's own address and mobile.
 * - `email` / `sms` / `robot` (recipient: an address, a mobile number, a robot id): stored
 *   `queued` and delivered by the `notifications.deliver` job. With `customerId`, the customer's
 *   opt-out suppresses it and their preferred channel picks among `alternatives`.
 * Non-in-app text is worded by the topic's template for the channel and language, `{{subject}}` /
 * `{{body}}` being the text below and the other variables `vars`.
 */
export type NotificationInput = {
  channel: Channel;
  recipient: string;
  topic: Topic;
  /** The addressed user (defaults to the recipient of an in-app message). */
  userId?: string | null;
  /** The addressed customer: their opt-out and preferred channel, and the channel's quiet hours apply. */
  customerId?: string | null;
  /** Channel extras (e-mail threading headers, SMS template code/params). */
  headers?: Record<string, unknown> | null;
  /** Template variables (`customerName`, `ticketNumber`, `nextReplyAt`, `agentName`, …). */
  vars?: TemplateVars;
  /** In-app to a user: channels the caller requires besides the user's own choice (an escalation level's e-mail / SMS). */
  extraChannels?: readonly Channel[];
  /** Other ways to reach the same customer: their preferred channel wins over `channel`. */
  alternatives?: { channel: 'email' | 'sms'; recipient: string }[];
  /** What caused it, e.g. `handover:<id>`. */
  ref?: string | null;
  /** The recipient's language, for the stored wording (what a delivery adapter sends); zh-CN by default. */
  locale?: Locale;
} & (
  | {
      /** Catalog keys + params: worded in the reader's language when listed (in-app). */
      content: NotificationContent;
    }
  /** Text written by a person (e.g. a customer notice template): stored and shown as is. */
  | { subject: string; body: string }
);

type Draft = repo.NotificationInsert & { channel: Channel };
type Caches = {
  templates: Map<string, { subject: string; body: string; providerTemplateId: string | null }>;
  users: Map<string, { email: string | null; phone: string | null; locale: Locale; isActive: boolean } | null>;
};

function textOf(input: NotificationInput, locale: Locale) {
  return 'content' in input
    ? {
        subject: renderRef(locale, input.content.subject),
        body: renderRef(locale, input.content.body),
        content: input.content,
      }
    : { subject: input.subject, body: input.body, content: null };
}

async function contactOf(db: DbOrTx, caches: Caches, userId: string) {
  if (!caches.users.has(userId)) {
    const row = await findUserRow(db, userId);
    caches.users.set(
      userId,
      row ? { email: row.email, phone: row.phone, locale: row.locale as Locale, isActive: row.isActive } : null,
    );
  }
  return caches.users.get(userId) ?? null;
}

/** The rows one input becomes: the message itself and the copies the user's preferences add. */
async function draftsOf(db: DbOrTx, input: NotificationInput, now: Date, caches: Caches, prefs: Map<string, string[]>) {
  const locale = input.locale ?? DEFAULT_LOCALE;
  const text = textOf(input, locale);
  const userId = input.userId ?? (input.channel === 'in_app' ? input.recipient : null);
  const base = {
    topic: input.topic,
    userId,
    customerId: input.customerId ?? null,
    locale,
    headers: input.headers ?? null,
    ref: input.ref ?? null,
    createdAt: now,
  };
  if (input.channel === 'in_app') {
    const drafts: Draft[] = [
      { ...base, channel: 'in_app', recipient: input.recipient, ...text, status: 'sent', sentAt: now },
    ];
    const topic = topicOf(input.topic);
    if (topic.audience !== 'user' || !userId) return drafts;
    const chosen = new Set([...(prefs.get(userId) ?? topic.defaultChannels), ...(input.extraChannels ?? [])]);
    for (const channel of chosen) {
      if (channel !== 'email' && channel !== 'sms') continue;
      const contact = await contactOf(db, caches, userId);
      const address = channel === 'email' ? contact?.email : contact?.phone;
      if (!contact?.isActive || !address) continue;
      const rendered = await renderMessage(
        db,
        { topic: input.topic, channel, locale: contact.locale },
        'content' in input
          ? {
              subject: renderRef(contact.locale, input.content.subject),
              body: renderRef(contact.locale, input.content.body),
            }
          : text,
        input.vars ?? {},
        caches.templates,
      );
      drafts.push({
        ...base,
        locale: contact.locale,
        channel,
        recipient: address,
        subject: rendered.subject,
        body: rendered.body,
        content: null,
        headers: withProviderTemplate(input.headers, rendered, input.vars),
        status: 'queued',
      });
    }
    return drafts;
  }
  const rendered = await renderMessage(
    db,
    { topic: input.topic, channel: input.channel, locale },
    text,
    input.vars ?? {},
    caches.templates,
  );
  return [
    {
      ...base,
      channel: input.channel,
      recipient: input.recipient,
      subject: rendered.subject,
      body: rendered.body,
      content: null,
      headers: withProviderTemplate(input.headers, rendered, input.vars),
      status: 'queued' as NotificationStatus,
    },
  ];
}

/**
 * An SMS template id set by the administrator goes to the adapter as `templateCode`, with the
 * message's variables (and the rendered text as `content`) as `templateParams` — the provider fills
 * its own copy of the template from them — unless the caller chose a template itself.
 */
function withProviderTemplate(
  headers: Record<string, unknown> | null | undefined,
  rendered: { body: string; providerTemplateId: string | null },
  vars: TemplateVars | undefined,
) {
  if (!rendered.providerTemplateId) return headers ?? null;
  const params: Record<string, string> = { content: rendered.body };
  for (const [key, value] of Object.entries(vars ?? {}))
    if (value !== null && value !== undefined) params[key] = String(value);
  return { templateCode: rendered.providerTemplateId, templateParams: params, ...(headers ?? {}) };
}

/** A customer's opt-out and preferred channel applied to an input addressed to them. */
function forCustomer(input: NotificationInput, prefs: Awaited<ReturnType<typeof customerPreferences>>) {
  const pref = input.customerId ? prefs.get(input.customerId) : undefined;
  if (!pref) return { input, suppressed: false };
  const alternative = input.alternatives?.find((a) => a.channel === pref.preferredChannel);
  const chosen =
    alternative && input.channel !== pref.preferredChannel
      ? { ...input, channel: alternative.channel, recipient: alternative.recipient }
      : input;
  return { input: chosen, suppressed: pref.optedOut };
}

/**
 * Stores the messages (a batch insert per 1000) and records, in the same transaction, one
 * `notification.queued` event per 1000 rows to deliver (their jobs are sent by a durable
 * listener) and one `notification.created` per in-app message (pushed to its reader). Returns
 * the ids of the inputs' own rows, in order (copies from preferences are not included).
 */
export async function queueNotifications(tx: DbOrTx, inputs: NotificationInput[]): Promise<string[]> {
  if (inputs.length === 0) return [];
  const now = new Date();
  const caches: Caches = { templates: new Map(), users: new Map() };
  const customerIds = [...new Set(inputs.map((i) => i.customerId).filter((id): id is string => !!id))];
  const customers = await customerPreferences(tx, customerIds);
  const prefsByTopic = new Map<string, Map<string, string[]>>();
  const drafts: Draft[] = [];
  const own: number[] = [];
  for (const raw of inputs) {
    const { input, suppressed } = forCustomer(raw, customers);
    let prefs = prefsByTopic.get(input.topic);
    if (!prefs) {
      const users = inputs
        .filter((i) => i.topic === input.topic && i.channel === 'in_app')
        .map((i) => i.userId ?? i.recipient);
      prefs = await preferencesForTopic(tx, [...new Set(users)], input.topic);
      prefsByTopic.set(input.topic, prefs);
    }
    const rows = await draftsOf(tx, input, now, caches, prefs);
    if (suppressed) for (const row of rows) if (row.channel !== 'in_app') row.status = 'suppressed';
    own.push(drafts.length);
    drafts.push(...rows);
  }
  const ids = await repo.insertNotifications(tx, drafts);
  const deliver = ids.filter((_, i) => drafts[i]?.channel !== 'in_app' && drafts[i]?.status === 'queued');
  for (let i = 0; i < deliver.length; i += 1000) {
    await recordEvent(tx, 'notification.queued', { ids: deliver.slice(i, i + 1000) });
  }
  for (const [i, id] of ids.entries()) {
    const row = drafts[i];
    if (row?.channel === 'in_app' && row.userId) {
      await recordEvent(tx, 'notification.created', { notificationId: id, userId: row.userId });
    }
  }
  return own.map((i) => ids[i] as string);
}

export async function queueNotification(tx: DbOrTx, input: NotificationInput): Promise<string> {
  const [id] = await queueNotifications(tx, [input]);
  return id as string;
}

export type { DeliveryChannel };
