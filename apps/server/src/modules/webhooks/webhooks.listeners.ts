import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import type { DurableListener } from '../../events/listener.js';
import type { Actor } from '../../lib/actor.js';
import {
  audienceIncludes,
  type ReaderScope,
  type RecordAudience,
  resolveReaderScope,
  resolveRecordAudiences,
} from '../../lib/data-scope.js';
import { toActor } from '../auth/index.js';
import { actorView } from '../users/index.js';
import * as queue from './delivery-queue.repository.js';
import { messageBody, WEBHOOK_EVENT_TYPES, webhookEventSpec } from './webhooks.events.js';

/** How long an owner's permissions and data scope are reused by the fan-out. */
const OWNER_TTL_MS = 2000;
type Owner = { actor: Actor | null; scope?: ReaderScope; at: number };
const owners = new Map<string, Owner>();

/** The owners' actors (null: inactive or gone), read at most every OWNER_TTL_MS. */
async function ownerActors(db: DbOrTx, ids: string[]): Promise<Map<string, Owner>> {
  const now = Date.now();
  const stale = ids.filter((id) => (owners.get(id)?.at ?? 0) < now - OWNER_TTL_MS);
  if (stale.length > 0) {
    const view = actorView();
    const rows = await db
      .select({
        userId: view.userId,
        username: view.username,
        displayName: view.displayName,
        roleKey: view.roleKey,
        departmentId: view.departmentId,
        locale: view.locale,
        isActive: view.isActive,
        permissions: view.permissions,
        dataScope: view.dataScope,
      })
      .from(view)
      .where(inArray(view.userId, stale));
    for (const id of stale) owners.set(id, { actor: null, at: now });
    for (const row of rows) {
      if (row.isActive) {
        owners.set(row.userId, { actor: toActor(row as Parameters<typeof toActor>[0], 'token'), at: now });
      }
    }
  }
  return new Map(ids.map((id) => [id, owners.get(id) as Owner]));
}

/** How long the list of subscriptions to an event type is reused (the insert re-checks each one). */
const SUBSCRIPTIONS_TTL_MS = 1000;
const subscriptionCache = new Map<string, { rows: { id: string; ownerId: string }[]; at: number }>();

async function subscriptionsTo(db: DbOrTx, eventType: string) {
  const cached = subscriptionCache.get(eventType);
  if (cached && cached.at > Date.now() - SUBSCRIPTIONS_TTL_MS) return cached.rows;
  const rows = await queue.subscriptionsTo(db, eventType);
  subscriptionCache.set(eventType, { rows, at: Date.now() });
  return rows;
}

/** A subscription or an owner changed in this process: read them again at the next event. */
export function forgetSubscriptions(): void {
  subscriptionCache.clear();
  owners.clear();
}

/**
 * The fan-out: each public event becomes one queued message per enabled subscription to its type
 * whose owner may see it now — holds the event's read permission, and the record is within the
 * owner's data scope (the rule the real-time push applies, lib/data-scope.ts). Runs in the outbox
 * dispatcher's transaction, so every message is queued exactly once with the event's delivery
 * marker (the unique (subscription, event) key makes a replay harmless), under the queue lock (so
 * the queue order is the commit order, see `lockQueues`), then wakes the deliverers.
 */
export const fanOutWebhooks: DurableListener = {
  name: 'webhooks.fan_out',
  events: WEBHOOK_EVENT_TYPES,
  async handle({ tx, event }) {
    const spec = webhookEventSpec(event.name);
    if (!spec) return;
    const subscriptions = await subscriptionsTo(tx, event.name);
    if (subscriptions.length === 0) return;
    const payload = event.payload as Record<string, unknown>;
    const ownerOf = await ownerActors(tx, [...new Set(subscriptions.map((s) => s.ownerId))]);
    const recordId = spec.record.id(payload);
    let audience: RecordAudience | null | undefined;
    const sees = async (owner: Owner): Promise<boolean> => {
      const actor = owner.actor;
      if (!actor?.permissions.has(spec.permission)) return false;
      if (actor.dataScope === 'all') return true;
      if (audience === undefined) {
        const found = await resolveRecordAudiences(tx, spec.record.entityType, [recordId]);
        audience = found?.get(recordId) ?? null;
      }
      if (!audience) return false;
      owner.scope ??= await resolveReaderScope(tx, actor);
      return audienceIncludes(audience, owner.scope);
    };
    const body = messageBody(event.name, event.at, spec.data(payload));
    const targets: string[] = [];
    for (const subscription of subscriptions) {
      const owner = ownerOf.get(subscription.ownerId);
      if (owner && (await sees(owner))) targets.push(subscription.id);
    }
    if (targets.length === 0) return;
    await queue.enqueue(tx, targets, { eventId: event.id, eventType: event.name, body });
  },
};
