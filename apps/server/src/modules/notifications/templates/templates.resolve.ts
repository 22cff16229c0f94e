import type { Locale } from '@kefu/shared';
import type { DbOrTx } from '../../../db/client.js';
import type { DeliveryChannel } from '../../../lib/channel-adapter.js';
import { defaultTemplate } from './templates.defaults.js';
import { renderTemplate, type TemplateVars } from './templates.render.js';
import { findTemplate } from './templates.repository.js';

export type RenderedMessage = { subject: string; body: string; providerTemplateId: string | null };

/**
 * The template of (topic, channel, locale): the administrator's, else the code default (which is
 * at least `{{subject}}` / `{{body}}`). Looked up once per key per queueing call (`cache`).
 */
export async function templateFor(
  db: DbOrTx,
  key: { topic: string; channel: DeliveryChannel; locale: Locale },
  cache?: Map<string, { subject: string; body: string; providerTemplateId: string | null }>,
) {
  const id = `${key.topic}|${key.channel}|${key.locale}`;
  const cached = cache?.get(id);
  if (cached) return cached;
  const row = await findTemplate(db, key);
  const found = row
    ? { subject: row.subject, body: row.body, providerTemplateId: row.providerTemplateId }
    : { ...defaultTemplate(key.topic, key.channel, key.locale), providerTemplateId: null };
  cache?.set(id, found);
  return found;
}

/** The message worded by its template: `{{subject}}` / `{{body}}` are the catalog text, the rest `vars`. */
export async function renderMessage(
  db: DbOrTx,
  key: { topic: string; channel: DeliveryChannel; locale: Locale },
  text: { subject: string; body: string },
  vars: TemplateVars,
  cache?: Map<string, { subject: string; body: string; providerTemplateId: string | null }>,
): Promise<RenderedMessage> {
  const template = await templateFor(db, key, cache);
  const all = { ...vars, subject: text.subject, body: text.body };
  return {
    subject: renderTemplate(template.subject, all),
    body: renderTemplate(template.body, all),
    providerTemplateId: template.providerTemplateId,
  };
}
