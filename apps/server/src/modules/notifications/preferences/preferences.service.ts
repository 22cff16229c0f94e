import type { z } from 'zod';
import type { Actor, RequestContext } from '../../../lib/actor.js';
import { AppError, badRequest } from '../../../lib/app-error.js';
import type { Channel, DeliveryChannel } from '../../../lib/channel-adapter.js';
import type { Deps } from '../../../lib/deps.js';
import { recordAudit } from '../../audit/index.js';
import { customerVisibleTo } from '../../customers/index.js';
import { isTopic, TOPIC_NAMES, TOPICS, type TopicDefinition } from '../topics.js';
import { allChannelSettings, channelSettings } from './channel-settings.js';
import * as repo from './preferences.repository.js';
import type { UpdateChannelSettingsSchema, UpdateCustomerPreferenceSchema } from './preferences.schemas.js';

type ActorCtx = RequestContext & { actor: Actor };

/** The topics addressed to staff, with the caller's channels for each (the topic's defaults when unset). */
export async function myPreferences(deps: Deps, actor: Actor) {
  const saved = new Map((await repo.userPreferences(deps.database.db, actor.userId)).map((r) => [r.topic, r.channels]));
  const topics = TOPIC_NAMES.filter((t) => TOPICS[t].audience === 'user').map((topic) => {
    const def = TOPICS[topic] as TopicDefinition;
    const chosen = (saved.get(topic) ?? def.defaultChannels) as Channel[];
    return {
      topic,
      channels: ['in_app' as Channel, ...chosen.filter((c) => c !== 'in_app' && def.channels.includes(c))],
      available: [...def.channels],
    };
  });
  return { topics };
}

/** Replaces the caller's choices for the topics given (others keep theirs); in-app is always on. */
export async function updateMyPreferences(
  deps: Deps,
  ctx: ActorCtx,
  input: { topics: { topic: string; channels: Channel[] }[] },
) {
  const userId = ctx.actor.userId;
  const current = await repo.userPreferences(deps.database.db, userId);
  const next = new Map(current.map((r) => [r.topic, r.channels]));
  for (const [i, { topic, channels }] of input.topics.entries()) {
    if (!isTopic(topic) || TOPICS[topic].audience !== 'user') {
      throw badRequest('notifications.unknown_topic', { topic }, [{ path: `topics.${i}.topic`, message: topic }]);
    }
    const allowed = TOPICS[topic].channels as readonly Channel[];
    const wrong = channels.find((c) => !allowed.includes(c));
    if (wrong) {
      throw badRequest('notifications.channel_not_allowed', { topic, channel: wrong }, [
        { path: `topics.${i}.channels`, message: wrong },
      ]);
    }
    next.set(topic, [...new Set(['in_app', ...channels])]);
  }
  await deps.database.db.transaction(async (tx) => {
    const rows = [...next].map(([topic, channels]) => ({ topic, channels }));
    await repo.replaceUserPreferences(tx, userId, rows, new Date());
    await recordAudit(tx, ctx, {
      action: 'notification_preferences.updated',
      entityType: 'user',
      entityId: userId,
      before: Object.fromEntries(current.map((r) => [r.topic, r.channels])),
      after: Object.fromEntries(next),
    });
  });
  return myPreferences(deps, ctx.actor);
}

async function assertCustomerInScope(deps: Deps, actor: Actor, customerId: string) {
  if (!(await customerVisibleTo(deps.database.db, actor, customerId))) throw new AppError('customers.not_found', 404);
}

export async function getCustomerPreference(deps: Deps, actor: Actor, customerId: string) {
  await assertCustomerInScope(deps, actor, customerId);
  const row = (await repo.customerPreferences(deps.database.db, [customerId])).get(customerId);
  return {
    customerId,
    preferredChannel: row?.preferredChannel ?? null,
    optedOut: row?.optedOut ?? false,
    updatedAt: row?.updatedAt ?? null,
  };
}

export async function updateCustomerPreference(
  deps: Deps,
  ctx: ActorCtx,
  customerId: string,
  input: z.infer<typeof UpdateCustomerPreferenceSchema>,
) {
  await assertCustomerInScope(deps, ctx.actor, customerId);
  await deps.database.db.transaction(async (tx) => {
    const before = (await repo.customerPreferences(tx, [customerId])).get(customerId);
    const after = await repo.upsertCustomerPreference(
      tx,
      { customerId, ...input, updatedBy: ctx.actor.userId },
      new Date(),
    );
    await recordAudit(tx, ctx, {
      action: 'customer.notification_preferences_updated',
      entityType: 'customer',
      entityId: customerId,
      before: before ? { preferredChannel: before.preferredChannel, optedOut: before.optedOut } : null,
      after: { preferredChannel: after.preferredChannel, optedOut: after.optedOut },
    });
  });
  return getCustomerPreference(deps, ctx.actor, customerId);
}

export async function listChannelSettings(deps: Deps) {
  const all = await allChannelSettings(deps.database.db);
  return all.map((s) => ({ ...s, available: deps.channels.has(s.channel) }));
}

export async function updateChannelSettings(
  deps: Deps,
  ctx: ActorCtx,
  channel: DeliveryChannel,
  input: z.infer<typeof UpdateChannelSettingsSchema>,
) {
  const empty = input.quietHours.findIndex((p) => p.from === p.to);
  if (empty >= 0) {
    throw badRequest('notifications.bad_quiet_hours', {}, [{ path: `quietHours.${empty}`, message: 'from = to' }]);
  }
  await deps.database.db.transaction(async (tx) => {
    const before = await channelSettings(tx, channel);
    const after = await repo.upsertChannelSettings(tx, { channel, ...input, updatedBy: ctx.actor.userId }, new Date());
    const view = (s: typeof before | typeof after) => ({
      enabled: s.enabled,
      ratePerMinute: s.ratePerMinute,
      quietHours: s.quietHours,
      maxAttempts: s.maxAttempts,
    });
    await recordAudit(tx, ctx, {
      action: 'notification_channel.updated',
      entityType: 'notification_channel',
      entityId: null,
      before: view(before),
      after: view(after),
      details: { channel },
    });
  });
  const settings = await channelSettings(deps.database.db, channel);
  return { ...settings, available: deps.channels.has(channel) };
}
