import { and, desc, eq, gt, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { surveyAnswers, surveyInvitations, surveyResponses } from '../surveys.tables.js';
import type { ValidAnswer } from './answers.rules.js';

export async function insertResponse(
  tx: DbOrTx,
  values: typeof surveyResponses.$inferInsert,
  answers: readonly ValidAnswer[],
): Promise<string> {
  const [row] = await tx.insert(surveyResponses).values(values).returning({ id: surveyResponses.id });
  if (!row) throw new Error('insertResponse failed');
  if (answers.length > 0) {
    await tx.insert(surveyAnswers).values(
      answers.map((a) => ({
        responseId: row.id,
        questionId: a.questionId,
        score: a.score,
        choices: a.choices,
        text: a.text,
        staffUserId: a.staffUserId,
      })),
    );
  }
  return row.id;
}

/** An unanswered, unexpired invitation of the survey for the ticket (else the customer), locked. */
export async function findOpenInvitation(
  tx: DbOrTx,
  surveyId: string,
  by: { customerId: string | null; ticketId: string | null },
  now: Date,
) {
  const target = by.ticketId
    ? eq(surveyInvitations.ticketId, by.ticketId)
    : by.customerId
      ? eq(surveyInvitations.customerId, by.customerId)
      : null;
  if (!target) return undefined;
  const [row] = await tx
    .select()
    .from(surveyInvitations)
    .where(
      and(
        eq(surveyInvitations.surveyId, surveyId),
        target,
        inArray(surveyInvitations.status, ['pending', 'sent']),
        gt(surveyInvitations.expiresAt, now),
      ),
    )
    .orderBy(desc(surveyInvitations.createdAt))
    .limit(1)
    .for('update');
  return row;
}
