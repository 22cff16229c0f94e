import { and, count, eq, inArray, lt, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import type { Actor } from '../../../lib/actor.js';
import { offsetOf, orderBy, type PageQuery } from '../../../lib/pagination.js';
import { knownUserNameSql, userNameSql } from '../../users/index.js';
import { ticketScope } from '../core/tickets.repository.js';
import { improvementMeasures, tickets } from '../tickets.tables.js';
import type { ListMeasuresQuery } from './measures.schemas.js';

export type MeasureRow = typeof improvementMeasures.$inferSelect;
export type MeasureInsert = typeof improvementMeasures.$inferInsert;

const selection = {
  measure: improvementMeasures,
  ticketNumber: tickets.number,
  ticketSubject: tickets.subject,
  ownerName: knownUserNameSql(improvementMeasures.ownerId),
  creatorName: userNameSql(improvementMeasures.createdBy),
};

export type MeasureListRow = {
  measure: MeasureRow;
  ticketNumber: string;
  ticketSubject: string;
  ownerName: string;
  creatorName: string | null;
};

function baseQuery(db: DbOrTx) {
  return db
    .select(selection)
    .from(improvementMeasures)
    .innerJoin(tickets, eq(tickets.id, improvementMeasures.ticketId));
}

/** A measure is visible to its owner and to whoever may see its ticket. */
export function measureVisible(actor: Actor): SQL {
  return or(eq(improvementMeasures.ownerId, actor.userId), ticketScope(actor)) as SQL;
}

/** Open work (open, in progress) due before `today`. */
export function overdueCondition(today: string): SQL {
  return and(
    inArray(improvementMeasures.status, ['open', 'in_progress']),
    lt(improvementMeasures.dueDate, today),
  ) as SQL;
}

export async function listForTicket(db: DbOrTx, ticketId: string): Promise<MeasureListRow[]> {
  return baseQuery(db)
    .where(eq(improvementMeasures.ticketId, ticketId))
    .orderBy(improvementMeasures.createdAt, improvementMeasures.id);
}

const SORTS = {
  dueDate: improvementMeasures.dueDate,
  createdAt: improvementMeasures.createdAt,
  updatedAt: improvementMeasures.updatedAt,
  status: improvementMeasures.status,
  ticketNumber: tickets.number,
};

export async function listMeasures(
  db: DbOrTx,
  actor: Actor,
  filter: Omit<ListMeasuresQuery, keyof PageQuery>,
  page: PageQuery,
  today: string,
) {
  const where = and(
    measureVisible(actor),
    filter.mine ? eq(improvementMeasures.ownerId, actor.userId) : undefined,
    filter.status && filter.status.length > 0 ? inArray(improvementMeasures.status, filter.status) : undefined,
    filter.overdue === true ? overdueCondition(today) : undefined,
    filter.overdue === false ? sql`NOT (${overdueCondition(today)})` : undefined,
    filter.ticketId ? eq(improvementMeasures.ticketId, filter.ticketId) : undefined,
  );
  const items = await baseQuery(db)
    .where(where)
    .orderBy(...orderBy(page.sort, SORTS, [improvementMeasures.dueDate, improvementMeasures.id]))
    .limit(page.pageSize)
    .offset(offsetOf(page));
  const [total] = await db
    .select({ n: count() })
    .from(improvementMeasures)
    .innerJoin(tickets, eq(tickets.id, improvementMeasures.ticketId))
    .where(where);
  return { items, total: Number(total?.n ?? 0) };
}

/** The measure if the actor may see it; `forUpdate` locks it. */
export async function findVisibleMeasure(db: DbOrTx, actor: Actor, id: string, { forUpdate = false } = {}) {
  const query = baseQuery(db)
    .where(and(eq(improvementMeasures.id, id), measureVisible(actor)))
    .limit(1);
  const [row] = forUpdate ? await query.for('update', { of: improvementMeasures }) : await query;
  return row;
}

export async function findMeasure(db: DbOrTx, id: string) {
  const [row] = await baseQuery(db).where(eq(improvementMeasures.id, id)).limit(1);
  return row;
}

export async function insertMeasure(db: DbOrTx, values: MeasureInsert) {
  const [row] = await db.insert(improvementMeasures).values(values).returning();
  return row as MeasureRow;
}

export async function updateMeasure(db: DbOrTx, id: string, patch: Partial<MeasureInsert>) {
  const [row] = await db
    .update(improvementMeasures)
    .set({ ...patch, updatedAt: sql`now()` })
    .where(eq(improvementMeasures.id, id))
    .returning();
  return row as MeasureRow;
}
