import type { MessageRef } from '@kefu/shared';
import type { DbOrTx } from '../../../db/client.js';
import { recordEvent } from '../../../events/outbox.js';
import { queueNotifications } from '../../notifications/index.js';
import type { TicketSummary } from '../../tickets/index.js';
import type { LadderLevel, SlaChannel } from '../sla.tables.js';
import * as repo from './escalation.repository.js';
import { activeRecipients, ladderChannels, ladderRules, resolveRecipients, warningRecipients } from './recipients.js';
import { BREACH_STEP, FOLLOW_UP_STEP, isLate, type ScheduleInput, type Step } from './schedule.js';

/** What a step fires for: the clock, its ticket (null when it is gone), its ladder's levels. */
export type FiringContext = {
  clock: repo.ClockRow;
  ticket: TicketSummary | null;
  levels: readonly LadderLevel[] | null;
  /** The business time zone, for the instant named in a late notice. */
  timeZone: string;
};

/** A manual escalation: who, why, and the levels passed over. */
export type ManualFiring = { actorId: string; actorName: string; reason: string | null; skipped: number[] };

/** The clock's schedule input from its current facts, its ladder and what already fired. */
export function scheduleInput(
  clock: Pick<repo.ClockRow, 'state' | 'dueAt' | 'stoppedAt' | 'followUpDueAt'>,
  warnings: ScheduleInput['warnings'],
  levels: readonly LadderLevel[] | null,
  fired: readonly repo.FiringRow[],
): ScheduleInput {
  return {
    state: clock.state,
    dueAt: clock.dueAt,
    stoppedAt: clock.stoppedAt,
    followUpDueAt: clock.followUpDueAt,
    warnings,
    ladderLimits: levels ? levels.map((l) => l.limitMinutes) : null,
    fired: fired.map((f) => ({ kind: f.kind, step: f.step, scheduledAt: f.scheduledAt, firedAt: f.firedAt })),
  };
}

const formatInstant = (at: Date, timeZone: string) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone, dateStyle: 'short', timeStyle: 'short' }).format(at);

function titleOf(ctx: FiringContext, step: Step, manual: ManualFiring | null): MessageRef {
  const number = ctx.ticket?.number ?? '';
  const metric: MessageRef = { key: `label.sla_metric.${ctx.clock.metric}` };
  if (step.kind === 'escalation') {
    const level = ctx.levels?.[step.step - 1];
    const levelName = level ? { 'zh-CN': level.nameZh, en: level.nameEn } : String(step.step);
    return manual
      ? { key: 'notice.sla.escalated_manual', params: { number, actor: manual.actorName, level: step.step, levelName } }
      : { key: 'notice.sla.escalated', params: { number, metric, level: step.step, levelName } };
  }
  if (step.step === BREACH_STEP) return { key: 'notice.sla.breached', params: { number, metric } };
  if (step.step === FOLLOW_UP_STEP) return { key: 'notice.sla.follow_up', params: { number, metric } };
  return { key: 'notice.sla.warning', params: { number, metric, percent: step.step } };
}

function bodyOf(ctx: FiringContext, subject: MessageRef, step: Step, late: boolean, manual: ManualFiring | null) {
  const title = ctx.ticket?.subject ?? '';
  if (manual?.reason)
    return { key: 'notice.sla.body_reason', params: { subject, title, reason: manual.reason } } as const;
  if (late) {
    const scheduledAt = formatInstant(step.scheduledAt, ctx.timeZone);
    return { key: 'notice.sla.body_late', params: { subject, title, scheduledAt } } as const;
  }
  return { key: 'notice.sla.body', params: { subject, title } } as const;
}

/** Who a step tells: a warning the assignee (or the manager), a level everyone of the levels up to it. */
async function recipientsOf(tx: DbOrTx, ctx: FiringContext, step: Step) {
  if (!ctx.ticket) return { ids: [], channels: ['in_app'] };
  if (step.kind === 'warning') return { ids: await warningRecipients(tx, ctx.ticket), channels: ['in_app'] };
  const levels = ctx.levels ?? [];
  return {
    ids: await resolveRecipients(tx, ctx.ticket, ladderRules(levels, step.step)),
    channels: ladderChannels(levels, step.step),
  };
}

/**
 * Fires one step exactly once: the `sla_firings` row is inserted ON CONFLICT DO NOTHING, and only
 * when it was this call that inserted it are the recipients resolved, their in-app notices written
 * and `sla.warned` / `sla.escalated` recorded — all in the caller's transaction, so a rollback
 * takes everything back together. Returns the new row, or undefined when the step had fired.
 */
export async function fireStep(
  tx: DbOrTx,
  ctx: FiringContext,
  step: Step,
  now: Date,
  manual: ManualFiring | null = null,
): Promise<repo.FiringRow | undefined> {
  const late = manual ? false : isLate(step.scheduledAt, now);
  const row = await repo.insertFiringOnce(tx, {
    clockId: ctx.clock.id,
    ticketId: ctx.clock.ticketId,
    kind: step.kind,
    step: step.step,
    scheduledAt: step.scheduledAt,
    firedAt: now,
    late,
    manual: manual !== null,
    skipped: manual?.skipped ?? [],
    actorId: manual?.actorId ?? null,
    reason: manual?.reason ?? null,
  });
  if (!row) return undefined;

  const { ids, channels } = await recipientsOf(tx, ctx, step);
  const recipients = await activeRecipients(tx, ids);
  const recipientIds = recipients.map((r) => r.id);
  await repo.setFiringRecipients(tx, row.id, recipientIds, channels);
  const subject = titleOf(ctx, step, manual);
  const body = bodyOf(ctx, subject, step, late, manual);
  await queueNotifications(
    tx,
    recipients.map((r) => ({
      channel: 'in_app' as const,
      recipient: r.id,
      topic: step.kind === 'escalation' ? ('sla.escalated' as const) : ('sla.warned' as const),
      vars: { ticketNumber: ctx.ticket?.number ?? '' },
      // The level's e-mail / SMS go to the recipients' own address and mobile (notifications preferences add theirs).
      extraChannels: channels as SlaChannel[],
      locale: r.locale,
      content: { subject, body },
      ref: `ticket:${ctx.clock.ticketId}/sla/${ctx.clock.id}/${step.kind}/${step.step}`,
    })),
  );
  const payload = {
    ticketId: ctx.clock.ticketId,
    clockId: ctx.clock.id,
    metric: ctx.clock.metric,
    step: step.step,
    late,
    recipients: recipientIds,
    channels,
  };
  if (step.kind === 'escalation') {
    await recordEvent(tx, 'sla.escalated', { ...payload, manual: manual !== null }, manual?.actorId ?? null);
  } else {
    await recordEvent(tx, 'sla.warned', payload);
  }
  return { ...row, recipients: recipientIds, channels };
}
