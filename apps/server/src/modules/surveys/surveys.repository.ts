import { and, asc, desc, eq, ilike, inArray, type SQL, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.js';
import { surveyInvitations, surveyQuestions, surveyResponses, surveys } from './surveys.tables.js';

export type SurveyRow = typeof surveys.$inferSelect;
export type QuestionRow = typeof surveyQuestions.$inferSelect;
export type InvitationRow = typeof surveyInvitations.$inferSelect;

export async function insertSurvey(tx: DbOrTx, values: typeof surveys.$inferInsert): Promise<SurveyRow> {
  const [row] = await tx.insert(surveys).values(values).returning();
  if (!row) throw new Error('insertSurvey failed');
  return row;
}

export async function updateSurveyRow(tx: DbOrTx, id: string, values: Partial<typeof surveys.$inferInsert>) {
  await tx
    .update(surveys)
    // Strictly increasing (by ≥ 1 ms, the resolution of a JS Date): the public page's question cache
    // is keyed by it, so two edits within one millisecond must not share a key.
    .set({ ...values, updatedAt: sql`greatest(clock_timestamp(), ${surveys.updatedAt} + interval '1 millisecond')` })
    .where(eq(surveys.id, id));
}

export async function findSurvey(db: DbOrTx, id: string, options: { lock?: boolean } = {}) {
  const query = db.select().from(surveys).where(eq(surveys.id, id)).limit(1);
  const [row] = options.lock ? await query.for('update') : await query;
  return row;
}

export async function listQuestions(db: DbOrTx, surveyId: string): Promise<QuestionRow[]> {
  return db
    .select()
    .from(surveyQuestions)
    .where(eq(surveyQuestions.surveyId, surveyId))
    .orderBy(asc(surveyQuestions.position));
}

export async function insertQuestions(tx: DbOrTx, rows: (typeof surveyQuestions.$inferInsert)[]) {
  if (rows.length === 0) return;
  await tx.insert(surveyQuestions).values(rows);
}

export async function updateQuestion(tx: DbOrTx, id: string, values: Partial<typeof surveyQuestions.$inferInsert>) {
  await tx.update(surveyQuestions).set(values).where(eq(surveyQuestions.id, id));
}

export async function deleteQuestions(tx: DbOrTx, ids: string[]) {
  if (ids.length === 0) return;
  await tx.delete(surveyQuestions).where(inArray(surveyQuestions.id, ids));
}

export async function hasResponses(db: DbOrTx, surveyId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: surveyResponses.id })
    .from(surveyResponses)
    .where(eq(surveyResponses.surveyId, surveyId))
    .limit(1);
  return row !== undefined;
}

const invitationCount = sql<number>`(SELECT count(*)::int FROM ${surveyInvitations} WHERE ${surveyInvitations.surveyId} = ${surveys.id})`;
const responseCount = sql<number>`(SELECT count(*)::int FROM ${surveyResponses} WHERE ${surveyResponses.surveyId} = ${surveys.id})`;
const questionCount = sql<number>`(SELECT count(*)::int FROM ${surveyQuestions} WHERE ${surveyQuestions.surveyId} = ${surveys.id})`;

export async function surveyCounts(db: DbOrTx, id: string) {
  const [row] = await db
    .select({ invitations: invitationCount, responses: responseCount })
    .from(surveys)
    .where(eq(surveys.id, id));
  return row ?? { invitations: 0, responses: 0 };
}

export async function listSurveyRows(db: DbOrTx, filter: { active?: boolean; q?: string }) {
  const where: SQL[] = [];
  if (filter.active !== undefined) where.push(eq(surveys.active, filter.active));
  if (filter.q) where.push(ilike(surveys.name, `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
  return db
    .select({
      survey: surveys,
      invitations: invitationCount,
      responses: responseCount,
      questionCount,
    })
    .from(surveys)
    .where(and(...where))
    .orderBy(desc(surveys.active), desc(surveys.updatedAt))
    .limit(500);
}

/** Active surveys sent automatically when a ticket is closed. */
export async function listTicketClosedSurveys(db: DbOrTx): Promise<SurveyRow[]> {
  return db
    .select()
    .from(surveys)
    .where(and(eq(surveys.active, true), eq(surveys.trigger, 'ticket_closed')));
}

export async function insertInvitation(
  tx: DbOrTx,
  values: typeof surveyInvitations.$inferInsert,
): Promise<InvitationRow | undefined> {
  const [row] = await tx.insert(surveyInvitations).values(values).onConflictDoNothing().returning();
  return row;
}

/** Whether the customer was sent (or given) a survey invitation since `since` (the per-customer cap). */
export async function invitedSince(db: DbOrTx, customerId: string, since: Date): Promise<boolean> {
  const [row] = await db
    .select({ id: surveyInvitations.id })
    .from(surveyInvitations)
    .where(
      and(
        eq(surveyInvitations.customerId, customerId),
        sql`${surveyInvitations.createdAt} > ${since.toISOString()}::timestamptz`,
      ),
    )
    .limit(1);
  return row !== undefined;
}

export async function findInvitation(db: DbOrTx, id: string) {
  const [row] = await db.select().from(surveyInvitations).where(eq(surveyInvitations.id, id)).limit(1);
  return row;
}

/** The invitation of a token hash; `lock`: FOR UPDATE (one answer per token, even under concurrent posts). */
export async function findInvitationByHash(db: DbOrTx, tokenHash: string, options: { lock?: boolean } = {}) {
  const query = db.select().from(surveyInvitations).where(eq(surveyInvitations.tokenHash, tokenHash)).limit(1);
  const [row] = options.lock ? await query.for('update') : await query;
  return row;
}

export async function updateInvitation(tx: DbOrTx, id: string, values: Partial<typeof surveyInvitations.$inferInsert>) {
  await tx.update(surveyInvitations).set(values).where(eq(surveyInvitations.id, id));
}

/** The prepared lookup of a token (per database handle: a prepared statement belongs to its pool). */
const linkLookups = new WeakMap<object, ReturnType<typeof prepareLinkLookup>>();

function prepareLinkLookup(db: Db) {
  return db
    .select({ invitation: surveyInvitations, survey: surveys })
    .from(surveyInvitations)
    .innerJoin(surveys, eq(surveys.id, surveyInvitations.surveyId))
    .where(eq(surveyInvitations.tokenHash, sql.placeholder('hash')))
    .limit(1)
    .prepare('survey_link_by_hash');
}

/**
 * A token's invitation and its survey: one indexed lookup, a prepared statement (the public page's
 * one statement per view; the questions come from answering/questions-cache.ts).
 */
export async function findLinkByHash(db: Db, tokenHash: string) {
  let lookup = linkLookups.get(db);
  if (!lookup) {
    lookup = prepareLinkLookup(db);
    linkLookups.set(db, lookup);
  }
  const [row] = await lookup.execute({ hash: tokenHash });
  return row;
}
