import { t } from '@kefu/shared';
import { recordEvent } from '../../../events/outbox.js';
import { badRequest } from '../../../lib/app-error.js';
import type { Deps } from '../../../lib/deps.js';
import { recordAudit } from '../../audit/index.js';
import { insertTimelineEntries } from '../../customers/index.js';
import { loadOpen } from './record-attempt.js';
import * as repo from './work.repository.js';
import { missingOutcomeParts } from './work.rules.js';
import type { OutcomeInput } from './work.schemas.js';
import type { Ctx } from './work.service.js';

/**
 * The outcome of a callback in which the customer was reached: satisfaction 1–5, their opinion and
 * a rating per staff member — the complete record is required (seed 001). A callback not yet
 * marked reached gets its reached try recorded with it. The callback is done; the customer's
 * timeline gets the contact. A pending or unreached callback (the customer called back) may end so.
 */
export async function recordOutcome(deps: Deps, ctx: Ctx, id: string, input: OutcomeInput, now = new Date()) {
  const missing = missingOutcomeParts(input);
  if (missing.length > 0) {
    throw badRequest(
      'callbacks.record_incomplete',
      { missing: missing.join(', ') },
      missing.map((path) => ({ path, message: '' })),
    );
  }
  await deps.database.db.transaction(async (tx) => {
    const row = await loadOpen(tx, ctx, id, ['pending', 'unreached']);
    let attempts = row.attempts;
    if (row.reached !== true || row.status === 'unreached') {
      attempts += 1;
      await repo.insertAttempt(tx, { callbackId: id, number: attempts, at: now, by: ctx.actor.userId, reached: true });
    }
    await repo.updateCallback(tx, id, {
      status: 'done',
      attempts,
      reached: true,
      nextAttemptAt: null,
      satisfaction: input.satisfaction,
      opinion: input.opinion,
      staffRatings: input.staffRatings.map((r) => ({
        role: r.role,
        userId: r.userId ?? null,
        name: r.name ?? null,
        score: r.score,
      })),
      completedAt: now,
      completedBy: ctx.actor.userId,
    });
    await insertTimelineEntries(tx, [
      {
        customerId: row.customerId,
        at: now,
        kind: 'callback',
        channel: row.channel,
        direction: 'outbound',
        title: 'callback.completed',
        body: `${t(ctx.locale, 'label.callback_status.done')} · ${input.satisfaction}/5 · ${input.opinion}`.slice(
          0,
          4000,
        ),
        actorId: ctx.actor.userId,
        after: { satisfaction: input.satisfaction },
        refType: 'callback',
        refId: id,
      },
    ]);
    await recordAudit(tx, ctx, {
      action: 'callback.completed',
      entityType: 'callback',
      entityId: id,
      after: { satisfaction: input.satisfaction, opinion: input.opinion, staffRatings: input.staffRatings },
      audience: { userIds: row.assigneeId ? [row.assigneeId] : [] },
    });
    await recordEvent(
      tx,
      'callback.completed',
      { callbackId: id, customerId: row.customerId, assigneeId: row.assigneeId },
      ctx.actor.userId,
    );
  });
}
