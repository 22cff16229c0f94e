import { randomBytes } from 'node:crypto';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../../db/client.js';
import { recordEvent } from '../../../events/outbox.js';
import type { RequestContext } from '../../../lib/actor.js';
import { AppError } from '../../../lib/app-error.js';
import type { Deps } from '../../../lib/deps.js';
import { recordAudit } from '../../audit/index.js';
import { verifySignature } from '../../webhooks/index.js';
import { callAgentLinks, callSettings, calls } from '../calls.tables.js';
import type { CallEvent } from './events.schemas.js';
import { callsStored } from './import.service.js';

const SECRET = /^whsec_[A-Za-z0-9+/]{32,88}={0,2}$/;

/** Whether live call events are on (a secret is set); never the secret itself. */
export async function webhookState(deps: Deps): Promise<{ hasSecret: boolean }> {
  const [row] = await deps.database.db.select({ secret: callSettings.webhookSecret }).from(callSettings);
  return { hasSecret: Boolean(row?.secret) };
}

/**
 * Sets the secret the PBX signs call events with (given, or a new random one), or removes it
 * (`null`: events are refused). The answer holds the secret this once; it is never read back.
 */
export async function setWebhookSecret(deps: Deps, ctx: RequestContext, given: string | null | undefined) {
  if (typeof given === 'string' && !SECRET.test(given)) throw new AppError('calls.webhook_secret_invalid', 400);
  const secret = given === null ? null : (given ?? `whsec_${randomBytes(32).toString('base64')}`);
  await deps.database.db.transaction(async (tx) => {
    await tx
      .insert(callSettings)
      .values({ id: 1, webhookSecret: secret, updatedBy: ctx.actor?.userId ?? null })
      .onConflictDoUpdate({
        target: callSettings.id,
        set: { webhookSecret: secret, updatedAt: new Date(), updatedBy: ctx.actor?.userId ?? null },
      });
    await recordAudit(tx, ctx, {
      action: secret ? 'call.webhook_secret_set' : 'call.webhook_secret_removed',
      entityType: 'call_settings',
      entityId: '1',
      audience: { userIds: [] },
    });
  });
  return { hasSecret: secret !== null, secret };
}

/** Checks a received event's Standard Webhooks signature (5-minute tolerance) over the raw body. */
export async function verifyCallEvent(deps: Deps, rawBody: string, headers: Record<string, string | undefined>) {
  const [row] = await deps.database.db.select({ secret: callSettings.webhookSecret }).from(callSettings);
  if (!row?.secret) throw new AppError('calls.webhook_disabled', 403);
  if (!verifySignature(row.secret, rawBody, headers)) throw new AppError('calls.signature_invalid', 401);
}

const EVENT_NAMES = {
  ringing: 'call.ringing',
  answered: 'call.answered',
  ended: 'call.ended',
  abandoned: 'call.abandoned',
} as const;

type CallRecord = typeof calls.$inferSelect;

/** The open (latest) webhook record of this call in this queue. */
async function findCall(tx: Tx, event: CallEvent): Promise<CallRecord | undefined> {
  const [row] = await tx
    .select()
    .from(calls)
    .where(and(eq(calls.source, 'webhook'), eq(calls.externalId, event.callId), eq(calls.queue, event.queue)))
    .orderBy(desc(calls.enteredAt))
    .limit(1)
    .for('update');
  return row;
}

/**
 * Applies one live event to the call's record (source `webhook`, created by the first event that
 * arrives) and records `call.<type>` for the wall board and the agent it rings — only when the
 * record changed, so a repeated message changes nothing and is not pushed twice.
 */
export async function receiveCallEvent(deps: Deps, event: CallEvent) {
  return deps.database.db.transaction(async (tx) => {
    const at = event.at ? new Date(event.at) : new Date();
    const agent = event.agent ?? null;
    const [link] = agent
      ? await tx.select({ userId: callAgentLinks.userId }).from(callAgentLinks).where(eq(callAgentLinks.agent, agent))
      : [];
    const known = await findCall(tx, event);
    const next: Partial<CallRecord> = {};
    if (agent) Object.assign(next, { agent, agentUserId: link?.userId ?? null });
    if (event.callerNumber) next.callerNumber = event.callerNumber;
    if (event.waitSeconds !== undefined) next.waitSeconds = event.waitSeconds;
    if (event.type === 'answered') Object.assign(next, { outcome: 'answered', connectedAt: at });
    if (event.type === 'ended') {
      Object.assign(next, { outcome: 'answered', endedAt: at, connectedAt: known?.connectedAt ?? at });
      if (event.talkSeconds !== undefined) next.talkSeconds = event.talkSeconds;
    }
    if (event.type === 'abandoned') Object.assign(next, { outcome: 'abandoned', endedAt: at });
    let row: CallRecord | undefined;
    if (!known) {
      const enteredAt = event.enteredAt
        ? new Date(event.enteredAt)
        : new Date(at.getTime() - (event.type === 'ringing' ? 0 : (event.waitSeconds ?? 0) * 1000));
      [row] = await tx
        .insert(calls)
        .values({
          source: 'webhook',
          externalId: event.callId,
          queue: event.queue,
          direction: event.direction ?? 'inbound',
          enteredAt,
          outcome: 'unresolved',
          ...next,
        })
        .onConflictDoNothing()
        .returning();
    } else {
      const changed = Object.entries(next).some(([key, value]) => {
        const before = known[key as keyof CallRecord];
        return before instanceof Date && value instanceof Date
          ? before.getTime() !== value.getTime()
          : before !== value;
      });
      // A finished call is not reopened by a late `ringing` or `answered`.
      const finished = known.endedAt !== null && (event.type === 'ringing' || event.type === 'answered');
      if (changed && !finished)
        [row] = await tx
          .update(calls)
          .set({ ...next, updatedAt: sql`now()` })
          .where(eq(calls.id, known.id))
          .returning();
    }
    const call = row ?? known;
    if (!call) throw new Error('call record missing');
    if (row) {
      await callsStored(tx, [row.id]);
      const [linked] = await tx.select({ customerId: calls.customerId }).from(calls).where(eq(calls.id, row.id));
      await recordEvent(tx, EVENT_NAMES[event.type], {
        callId: row.id,
        queue: row.queue,
        agentUserId: row.agentUserId,
        customerId: linked?.customerId ?? null,
      });
    }
    return { callId: call.id, outcome: (row ?? call).outcome, changed: row !== undefined };
  });
}
