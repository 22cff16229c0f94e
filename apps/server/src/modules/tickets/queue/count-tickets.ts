import type { DbOrTx } from '../../../db/client.js';
import type { Actor } from '../../../lib/actor.js';
import { cappedCount } from '../../../lib/capped-count.js';
import type { Deps } from '../../../lib/deps.js';
import { TICKET_QUEUES } from '../core/tickets.schemas.js';
import { tickets } from '../tickets.tables.js';
import { countParts, type TicketFilter } from './tickets.list.js';
import { resolveTicketScope } from './tickets.list-scope.js';

/**
 * The number of tickets of a queue with filters in the actor's data scope, counted like a list's
 * total: up to COUNT_LIMIT (10,000; a larger count answers COUNT_LIMIT). Pass `timeZone`
 * (deps.config.timezone) when the filter has `due=today` or created dates.
 */
export async function countTickets(db: DbOrTx, actor: Actor, filter: TicketFilter): Promise<number> {
  const scope = await resolveTicketScope(db, actor, filter);
  return (await cappedCount(db, tickets, countParts(actor, filter, scope))).total;
}

type Queue = (typeof TICKET_QUEUES)[number];
export type TicketCounts = {
  queues: Record<Queue, number>;
  chips: { overdue: number; dueToday: number; complaint: number; major: number; open: number };
};

/**
 * The queue page's counts: every tab with the filters given, and each one-click chip (overdue, due
 * today, complaint, major, open) added to the filters in `queue`. A chip already on counts the
 * same as its tab.
 */
export async function ticketCounts(deps: Deps, actor: Actor, filter: TicketFilter): Promise<TicketCounts> {
  const db = deps.database.db;
  const base: TicketFilter = { ...filter, timeZone: deps.config.timezone };
  const queueCounts = await Promise.all(TICKET_QUEUES.map((queue) => countTickets(db, actor, { ...base, queue })));
  const chipFilters: Record<keyof TicketCounts['chips'], Partial<TicketFilter>> = {
    overdue: { overdue: true, due: undefined },
    dueToday: { due: 'today', overdue: undefined },
    complaint: { complaint: true },
    major: { major: true },
    open: { open: true },
  };
  const entries = await Promise.all(
    Object.entries(chipFilters).map(
      async ([key, extra]) => [key, await countTickets(db, actor, { ...base, ...extra })] as const,
    ),
  );
  return {
    queues: Object.fromEntries(TICKET_QUEUES.map((queue, i) => [queue, queueCounts[i] ?? 0])) as Record<Queue, number>,
    chips: Object.fromEntries(entries) as TicketCounts['chips'],
  };
}
