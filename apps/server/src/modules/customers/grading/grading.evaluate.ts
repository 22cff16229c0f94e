import { recordEvent } from '../../../events/outbox.js';
import type { Actor, RequestContext } from '../../../lib/actor.js';
import { AppError } from '../../../lib/app-error.js';
import type { Deps } from '../../../lib/deps.js';
import { recordAudit } from '../../audit/index.js';
import { findCustomerInScope } from '../archive/customers.repository.js';
import { insertTimelineEntries } from '../records/timeline.repository.js';
import * as repo from './grading.repository.js';
import { assertScores, gradeFor, totalScore } from './grading.scoring.js';

type ActorCtx = RequestContext & { actor: Actor };

export type EvaluateInput = {
  customerId: string;
  /** A round of the periodic evaluation, or null for an ad hoc evaluation. */
  roundId: string | null;
  scores: Record<string, number>;
  comment?: string | null;
};

/**
 * Evaluates a customer: total = Σ score × weight / 100 over the active criteria, the grade from
 * the bands. The evaluation is always recorded (who, when, grade before/after). When the grade
 * changes, the customer's grade is updated (version bumped) and the change lands in the grade
 * history, on the timeline and in the audit trail, and `customer.grade_changed` is emitted.
 *
 * Key-customer rule (seed 001: key customers have at least two staff contacts): when the new grade
 * is A and the customer has fewer than two active staff contacts, the evaluation is NOT refused.
 * The grade is the result of a measurement for the period; refusing it would make the record
 * lie about the customer, and an evaluator often cannot assign staff. The response carries
 * `warnings: ['customers.key_needs_two_staff']` instead, and the customer appears in the
 * key-staff-shortfall report until someone adds a second staff contact.
 */
export async function evaluateCustomer(deps: Deps, ctx: ActorCtx, input: EvaluateInput) {
  const at = new Date();
  const result = await deps.database.db.transaction(async (tx) => {
    const found = await findCustomerInScope(tx, ctx.actor, input.customerId);
    if (!found) throw new AppError('customers.not_found', 404);
    let roundName: string | null = null;
    if (input.roundId) {
      const round = await repo.lockRound(tx, input.roundId, 'share');
      if (!round) throw new AppError('customers.round_not_found', 404);
      if (round.status === 'closed')
        throw new AppError('customers.round_closed', 409, { params: { name: round.name } });
      roundName = round.name;
    }
    const criteria = await repo.listCriteria(tx);
    const bands = await repo.listBands(tx);
    assertScores(criteria, input.scores);
    const total = totalScore(criteria, input.scores);
    const gradeAfter = gradeFor(total, bands);
    const gradeBefore = (await repo.lockCustomerGrade(tx, input.customerId))?.grade ?? null;
    const gradeChanged = gradeBefore !== gradeAfter;

    const evaluation = await repo.insertEvaluation(tx, {
      roundId: input.roundId,
      customerId: input.customerId,
      scores: input.scores,
      totalScore: total.toFixed(2),
      gradeBefore,
      gradeAfter,
      comment: input.comment ?? null,
      evaluatedBy: ctx.actor.userId,
      evaluatedAt: at,
    });
    if (gradeChanged) {
      await repo.setCustomerGrade(tx, input.customerId, gradeAfter, at);
      await repo.insertGradeHistory(tx, {
        customerId: input.customerId,
        gradeBefore,
        gradeAfter,
        evaluationId: evaluation.id,
        reason: 'evaluation',
        changedBy: ctx.actor.userId,
        changedAt: at,
      });
    }
    await insertTimelineEntries(tx, [
      {
        customerId: input.customerId,
        at,
        kind: 'evaluation',
        title: gradeChanged ? 'customer.grade_changed' : 'customer.evaluated',
        body: roundName,
        actorId: ctx.actor.userId,
        before: { grade: gradeBefore },
        after: { grade: gradeAfter, totalScore: total, scores: input.scores },
        refType: 'evaluation',
        refId: evaluation.id,
      },
    ]);
    await recordAudit(tx, ctx, {
      action: 'customer.evaluated',
      entityType: 'customer',
      entityId: input.customerId,
      before: { grade: gradeBefore },
      after: evaluation,
      details: { roundId: input.roundId, gradeChanged },
    });
    const actorId = ctx.actor.userId;
    const { customerId } = input;
    await recordEvent(
      tx,
      'customer.evaluated',
      { customerId, evaluationId: evaluation.id, roundId: input.roundId, grade: gradeAfter },
      actorId,
    );
    if (gradeChanged) {
      await recordEvent(tx, 'customer.updated', { customerId, fields: ['grade'] }, actorId);
      await recordEvent(tx, 'customer.grade_changed', { customerId, gradeBefore, gradeAfter }, actorId);
    }
    const warnings: string[] = [];
    if (gradeAfter === 'A' && (await repo.countActiveStaff(tx, input.customerId)) < 2)
      warnings.push('customers.key_needs_two_staff');
    return { evaluationId: evaluation.id, gradeBefore, gradeAfter, gradeChanged, warnings };
  });
  const view = await repo.findEvaluation(deps.database.db, result.evaluationId);
  if (!view) throw new Error('evaluation vanished after commit');
  return { ...view, gradeChanged: result.gradeChanged, warnings: result.warnings };
}
