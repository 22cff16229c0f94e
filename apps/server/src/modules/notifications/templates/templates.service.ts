import { type Locale, t } from '@kefu/shared';
import type { z } from 'zod';
import type { Actor, RequestContext } from '../../../lib/actor.js';
import { AppError, badRequest } from '../../../lib/app-error.js';
import type { DeliveryChannel } from '../../../lib/channel-adapter.js';
import type { Deps } from '../../../lib/deps.js';
import { recordAudit } from '../../audit/index.js';
import { isTopic, TOPIC_NAMES, TOPICS } from '../topics.js';
import { defaultTemplate } from './templates.defaults.js';
import { escapeHtml, renderTemplate, templateVariables } from './templates.render.js';
import * as repo from './templates.repository.js';
import type { PreviewTemplateSchema, UpdateTemplateSchema } from './templates.schemas.js';

type ActorCtx = RequestContext & { actor: Actor };
type Key = { topic: string; channel: DeliveryChannel; locale: Locale };

const LOCALES_SHOWN: Locale[] = ['zh-CN', 'en'];

/** The variables a topic's templates may use, with sample values (the catalog text as `subject` / `body`). */
function variablesOf(topic: string, locale: Locale): Record<string, string> {
  const sample = isTopic(topic) ? TOPICS[topic].sampleVars : {};
  return {
    subject: t(locale, 'notice.template_sample.subject'),
    body: t(locale, 'notice.template_sample.body'),
    ...sample,
  };
}

/** Staff topics go by e-mail and SMS (users' copies) and to work-chat robots subscribed to them. */
function templateChannels(topic: string): DeliveryChannel[] {
  if (!isTopic(topic)) return [];
  const def = TOPICS[topic];
  if (def.audience === 'user') return ['email', 'sms', 'robot'];
  return def.channels.filter((c): c is DeliveryChannel => c !== 'in_app');
}

function assertKey(key: Key) {
  if (!isTopic(key.topic)) {
    throw badRequest('notifications.unknown_topic', { topic: key.topic }, [{ path: 'topic', message: key.topic }]);
  }
  if (!templateChannels(key.topic).includes(key.channel)) {
    throw badRequest('notifications.channel_not_allowed', { topic: key.topic, channel: key.channel }, [
      { path: 'channel', message: key.channel },
    ]);
  }
}

/** Every topic × channel × language a template applies to, with the wording in force. */
export async function listTemplates(deps: Deps) {
  const custom = new Map(
    (await repo.listTemplates(deps.database.db)).map((r) => [`${r.topic}|${r.channel}|${r.locale}`, r]),
  );
  const items = [];
  for (const topic of TOPIC_NAMES) {
    for (const channel of templateChannels(topic)) {
      for (const locale of LOCALES_SHOWN) {
        const row = custom.get(`${topic}|${channel}|${locale}`);
        const fallback = defaultTemplate(topic, channel, locale);
        items.push({
          topic,
          channel,
          locale,
          subject: row?.subject ?? fallback.subject,
          body: row?.body ?? fallback.body,
          providerTemplateId: row?.providerTemplateId ?? null,
          custom: row !== undefined,
          variables: variablesOf(topic, locale),
          updatedAt: row?.updatedAt ?? null,
        });
      }
    }
  }
  return { items };
}

function assertVariables(key: Key, subject: string, body: string) {
  const allowed = Object.keys(variablesOf(key.topic, key.locale));
  const unknown = templateVariables(`${subject}\n${body}`).filter((v) => !allowed.includes(v));
  if (unknown.length > 0) {
    throw badRequest(
      'notifications.template_unknown_variable',
      { names: unknown.join(', '), allowed: allowed.join(', ') },
      [{ path: 'body', message: unknown.join(', ') }],
    );
  }
}

export async function putTemplate(deps: Deps, ctx: ActorCtx, key: Key, input: z.infer<typeof UpdateTemplateSchema>) {
  assertKey(key);
  assertVariables(key, input.subject, input.body);
  await deps.database.db.transaction(async (tx) => {
    const before = await repo.findTemplate(tx, key);
    const after = await repo.upsertTemplate(
      tx,
      {
        ...key,
        subject: input.subject,
        body: input.body,
        providerTemplateId: input.providerTemplateId ?? null,
        updatedBy: ctx.actor.userId,
      },
      new Date(),
    );
    await recordAudit(tx, ctx, {
      action: before ? 'notification_template.updated' : 'notification_template.created',
      entityType: 'notification_template',
      entityId: after.id,
      before: before
        ? { subject: before.subject, body: before.body, providerTemplateId: before.providerTemplateId }
        : null,
      after: { subject: after.subject, body: after.body, providerTemplateId: after.providerTemplateId },
      details: key,
    });
  });
  const { items } = await listTemplates(deps);
  return items.find((i) => i.topic === key.topic && i.channel === key.channel && i.locale === key.locale);
}

/** Back to the built-in wording. */
export async function deleteTemplate(deps: Deps, ctx: ActorCtx, key: Key) {
  assertKey(key);
  await deps.database.db.transaction(async (tx) => {
    const gone = await repo.deleteTemplate(tx, key);
    if (!gone) throw new AppError('notifications.template_not_found', 404);
    await recordAudit(tx, ctx, {
      action: 'notification_template.deleted',
      entityType: 'notification_template',
      entityId: gone.id,
      before: { subject: gone.subject, body: gone.body, providerTemplateId: gone.providerTemplateId },
      details: key,
    });
  });
}

/** A template (the one given, else the one in force) filled with the topic's sample values. */
export async function previewTemplate(deps: Deps, input: z.infer<typeof PreviewTemplateSchema>) {
  const key = { topic: input.topic, channel: input.channel, locale: input.locale };
  assertKey(key);
  const current =
    (await repo.findTemplate(deps.database.db, key)) ?? defaultTemplate(key.topic, key.channel, key.locale);
  const subject = input.subject ?? current.subject;
  const body = input.body ?? current.body;
  assertVariables(key, subject, body);
  const vars = variablesOf(key.topic, key.locale);
  return {
    subject: renderTemplate(subject, vars),
    body: renderTemplate(body, vars),
    html:
      key.channel === 'email' ? renderTemplate(escapeHtml(body).replace(/\n/g, '<br>\n'), vars, { html: true }) : null,
  };
}
