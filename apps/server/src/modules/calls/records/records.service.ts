import type { Actor } from '../../../lib/actor.js';
import { AppError } from '../../../lib/app-error.js';
import type { Deps } from '../../../lib/deps.js';
import * as repo from './records.repository.js';
import type { CallDto, ListCallsQuery } from './records.schemas.js';

type Row = NonNullable<Awaited<ReturnType<typeof repo.findCall>>>;

const iso = (at: Date | null) => at?.toISOString() ?? null;
const toDto = (row: Row): CallDto => ({
  ...row,
  enteredAt: row.enteredAt.toISOString(),
  connectedAt: iso(row.connectedAt),
  endedAt: iso(row.endedAt),
});

/** A page of the calls in the actor's call scope (records/call-scope.ts), newest first. */
export async function listCalls(deps: Deps, actor: Actor, query: ListCallsQuery) {
  const { items, total } = await repo.listCalls(deps.database.db, actor, query);
  return { items: items.map(toDto), total, page: query.page, pageSize: query.pageSize };
}

/** One call; outside the actor's call scope it is 404, as an unknown id. */
export async function getCall(deps: Deps, actor: Actor, id: string) {
  const row = await repo.findCall(deps.database.db, actor, id);
  if (!row) throw new AppError('calls.not_found', 404);
  return toDto(row);
}
