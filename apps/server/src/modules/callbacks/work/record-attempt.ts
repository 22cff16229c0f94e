import type { Tx } from '../../../db/client.js';
import { recordEvent } from '../../../events/outbox.js';
import { AppError } from '../../../lib/app-error.js';
import { addDays, dayIn } from '../../../lib/calendar-day.js';
import type { Deps } from '../../../lib/deps.js';
import { recordAudit } from '../../audit/index.js';
import { insertTimelineEntries } from '../../customers/index.js';
import { endOfLocalDay } from '../plans/schedule.js';
import * as repo from './work.repository.js';
import { afterUnreachedTry } from './work.rules.js';
import type { Ctx } from './work.service.js';

/** The callback row locked for a change by this actor (404 out of scope) in one of `statuses` (else 409). */
export async function loadOpen(tx: Tx, ctx: Ctx, id: string, statuses: readonly string[] = ['pending']) {
  const row = await repo.lockCallback(tx, ctx.actor, id);
  if (!row) throw new AppError('callbacks.not_found', 404);
  if (!statuses.includes(row.status)) throw new AppError('callbacks.closed', 409);
  return row;
}

const audience = (assigneeId: string | null) => ({ userIds: assigneeId ? [assigneeId] : [] });

/**
 * One try to reach the customer. Reached: the outcome comes next (POST …/outcome). Not reached:
 * retried the same day after the gap, outside quiet hours, while the day's retries last; after the
 * last one the callback is `unreached` and needs a write-up before the day ends (work.rules.ts).
 */
export async function recordAttempt(
  deps: Deps,
  ctx: Ctx,
  id: string,
  input: { reached: boolean; note?: string },
  now = new Date(),
) {
  const tz = deps.config.timezone;
  return deps.database.db.transaction(async (tx) => {
    const row = await loadOpen(tx, ctx, id);
    const number = row.attempts + 1;
    await repo.insertAttempt(tx, {
      callbackId: id,
      number,
      at: now,
      by: ctx.actor.userId,
      reached: input.reached,
      note: input.note || null,
    });
    let next: { status: 'pending' | 'unreached'; nextAttemptAt: Date | null } = {
      status: 'pending',
      nextAttemptAt: null,
    };
    if (!input.reached) {
      const dayStart = endOfLocalDay(addDays(dayIn(now, tz), -1), tz);
      const triesToday = await repo.countAttemptsSince(tx, id, dayStart);
      const decision = afterUnreachedTry(now, triesToday, await repo.workSettings(tx, row.customerId), tz);
      next =
        decision.kind === 'retry'
          ? { status: 'pending', nextAttemptAt: decision.at }
          : { status: 'unreached', nextAttemptAt: null };
    }
    const updated = await repo.updateCallback(tx, id, { attempts: number, reached: input.reached, ...next });
    await recordAudit(tx, ctx, {
      action: 'callback.attempted',
      entityType: 'callback',
      entityId: id,
      after: { number, reached: input.reached, status: next.status, nextAttemptAt: next.nextAttemptAt },
      audience: audience(row.assigneeId),
    });
    if (next.status === 'unreached') {
      await insertTimelineEntries(tx, [
        {
          customerId: row.customerId,
          at: now,
          kind: 'callback',
          channel: row.channel,
          direction: 'outbound',
          title: 'callback.unreached',
          body: input.note || null,
          actorId: ctx.actor.userId,
          after: { attempts: number },
          refType: 'callback',
          refId: id,
        },
      ]);
      await recordEvent(
        tx,
        'callback.unreached',
        { callbackId: id, customerId: row.customerId, assigneeId: row.assigneeId },
        ctx.actor.userId,
      );
    }
    return {
      id,
      status: updated.status,
      attempts: updated.attempts,
      reached: updated.reached,
      nextAttemptAt: updated.nextAttemptAt?.toISOString() ?? null,
      writeUpDueAt: next.status === 'unreached' ? endOfLocalDay(dayIn(now, tz), tz).toISOString() : null,
    };
  });
}

/** The write-up of an unreached callback (why the customer could not be reached), once. */
export async function writeUpCallback(deps: Deps, ctx: Ctx, id: string, note: string) {
  await deps.database.db.transaction(async (tx) => {
    const row = await repo.lockCallback(tx, ctx.actor, id);
    if (!row) throw new AppError('callbacks.not_found', 404);
    if (row.status !== 'unreached' || row.writeUp !== null) throw new AppError('callbacks.write_up_not_needed', 409);
    await repo.updateCallback(tx, id, { writeUp: note });
    await recordAudit(tx, ctx, {
      action: 'callback.written_up',
      entityType: 'callback',
      entityId: id,
      after: { writeUp: note },
      audience: audience(row.assigneeId),
    });
  });
}
