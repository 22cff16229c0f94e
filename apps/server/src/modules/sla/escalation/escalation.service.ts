import type { DbOrTx } from '../../../db/client.js';
import type { Actor, RequestContext } from '../../../lib/actor.js';
import { AppError, badRequest } from '../../../lib/app-error.js';
import type { Deps } from '../../../lib/deps.js';
import { recordAudit } from '../../audit/index.js';
import { compiledCalendar } from '../../calendars/index.js';
import { findTicketSummaries, findTicketSummaryInScope, ticketVisibleSql } from '../../tickets/index.js';
import { type SlaMetric, slaClocks } from '../sla.tables.js';
import * as repo from './escalation.repository.js';
import { fireStep, scheduleInput } from './firing.js';
import { recipientNames } from './recipients.js';
import { nextCheckAt } from './schedule.js';
import { clockWarnings } from './sweep.jobs.js';

type ActorCtx = RequestContext & { actor: Actor };
export type EscalationInput = { clockId: string; level: number; reason?: string | undefined };

const MINUTE = 60_000;

/**
 * Escalates a clock by hand to `level` (above the level reached): the automatic ladder then goes
 * on from that level and that moment. Passing over levels (an emergency, seed 001) needs a reason;
 * who, why and the levels passed over are recorded on the firing row and in the audit log. The
 * recipients are told like an automatic level's (everyone of the levels up to it).
 */
export async function escalateTicket(deps: Deps, ctx: ActorCtx, ticketId: string, input: EscalationInput) {
  return deps.database.db.transaction(async (tx) => {
    const ticket = await findTicketSummaryInScope(tx, ctx.actor, ticketId);
    if (!ticket) throw new AppError('tickets.not_found', 404);
    const clock = await repo.lockClock(tx, ticketId, input.clockId);
    if (!clock) throw new AppError('sla.clock_not_found', 404);
    const ladder = clock.ladderId ? (await repo.laddersById(tx, [clock.ladderId])).get(clock.ladderId) : undefined;
    if (!ladder) throw new AppError('sla.no_ladder', 409);
    if (clock.stoppedAt || !['running', 'breached'].includes(clock.state) || !clock.dueAt) {
      throw new AppError('sla.clock_not_running', 409);
    }
    const levels = ladder.levels;
    if (input.level > levels.length) {
      throw badRequest('sla.level_out_of_range', { levels: levels.length }, [{ path: 'level', message: 'too high' }]);
    }
    const history = await repo.firingsOf(tx, [clock.id]);
    const current = Math.max(clock.ladderLevel, ...history.filter((f) => f.kind === 'escalation').map((f) => f.step));
    if (input.level <= current) {
      throw badRequest('sla.level_not_above', { current }, [{ path: 'level', message: 'not above the current level' }]);
    }
    const skipped = Array.from({ length: input.level - current - 1 }, (_, i) => current + 1 + i);
    const reason = input.reason?.trim() || null;
    if (skipped.length > 0 && !reason) {
      throw badRequest('sla.skip_reason_required', { skipped: skipped.join(', ') }, [
        { path: 'reason', message: 'required when skipping levels' },
      ]);
    }

    const now = new Date();
    const step = { kind: 'escalation' as const, step: input.level, scheduledAt: now };
    const manual = { actorId: ctx.actor.userId, actorName: ctx.actor.displayName, reason, skipped };
    const context = { clock, ticket, levels, timeZone: deps.config.timezone };
    const row = await fireStep(tx, context, step, now, manual);
    if (!row) throw new AppError('conflict', 409);
    history.push(row);
    const warnings = await clockWarnings(tx, clock, now);
    await repo.updateClockProgress(tx, clock.id, {
      ladderLevel: input.level,
      nextCheckAt: nextCheckAt(scheduleInput(clock, warnings, levels, history)),
    });
    await recordAudit(tx, ctx, {
      action: 'sla.escalated',
      entityType: 'ticket',
      entityId: ticketId,
      before: { clockId: clock.id, level: current },
      after: { clockId: clock.id, level: input.level, skipped, reason, recipients: row.recipients },
    });
    return {
      id: String(row.id),
      clockId: clock.id,
      level: input.level,
      firedAt: row.firedAt.toISOString(),
      manual: true,
      skipped,
      reason,
      actorId: ctx.actor.userId,
      recipients: await recipientNames(tx, row.recipients),
    };
  });
}

/** Minutes left to the due time in the clock's basis (negative: overdue). */
async function remainingMinutes(db: DbOrTx, clock: repo.ClockRow, now: Date): Promise<number> {
  const due = clock.dueAt?.getTime() ?? now.getTime();
  const at = now.getTime();
  if (clock.timeBasis === 'business' && clock.calendarId) {
    const calendar = await compiledCalendar(db, clock.calendarId);
    return Math.round(due >= at ? calendar.elapsed(at, due) : -calendar.elapsed(due, at));
  }
  return Math.round((due - at) / MINUTE);
}

/**
 * The at-risk queue: running and breached clocks of the tickets the caller may see, by time to
 * breach — the breached first, most overdue first (both are "earliest due time first").
 */
export async function listAtRisk(
  deps: Deps,
  actor: Actor,
  query: { page: number; pageSize: number; metric?: SlaMetric | undefined },
) {
  const db = deps.database.db;
  const { items, total } = await repo.listAtRiskClocks(
    db,
    ticketVisibleSql(slaClocks.ticketId, actor),
    { metric: query.metric },
    { limit: query.pageSize, offset: (query.page - 1) * query.pageSize },
  );
  const tickets = new Map(
    (await findTicketSummaries(db, [...new Set(items.map((c) => c.ticketId))])).map((t) => [t.id, t]),
  );
  const now = new Date();
  const rows = [];
  for (const clock of items) {
    const ticket = tickets.get(clock.ticketId);
    if (!ticket || !clock.dueAt) continue;
    rows.push({
      ticketId: ticket.id,
      number: ticket.number,
      subject: ticket.subject,
      status: ticket.status,
      priority: ticket.priority,
      typeKey: ticket.typeKey,
      assigneeId: ticket.assigneeId,
      assigneeName: ticket.assigneeName,
      clockId: clock.id,
      metric: clock.metric,
      dueAt: clock.dueAt.toISOString(),
      remainingMinutes: await remainingMinutes(db, clock, now),
      state: clock.state === 'breached' || clock.dueAt <= now ? ('breached' as const) : ('running' as const),
      ladderLevel: clock.ladderLevel,
    });
  }
  return { items: rows, total, page: query.page, pageSize: query.pageSize };
}
