import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { responsibleManager } from '../../departments/index.js';
import {
  findActiveUserIdsWithRole,
  findActiveUserLocales,
  userDepartmentSql,
  userNameSql,
  userSuperiorSql,
} from '../../users/index.js';
import type { LadderLevel, LadderRecipient } from '../sla.tables.js';

/** The role whose holders a `general_manager` recipient names (the built-in role of seed 000). */
export const GENERAL_MANAGER_ROLE = 'general_manager';
/** A superior chain without a depth goes up this far at most (and stops at a cycle). */
const MAX_CHAIN = 10;

/** What recipients are resolved against: the ticket as it is now. */
export type RecipientTicket = { assigneeId: string | null; departmentId: string | null };

async function superiorOf(db: DbOrTx, userId: string): Promise<string | null> {
  const result = await db.execute<{ id: string | null }>(sql`SELECT ${userSuperiorSql(sql`${userId}::uuid`)} AS id`);
  return result.rows[0]?.id ?? null;
}

async function departmentOf(db: DbOrTx, userId: string): Promise<string | null> {
  const result = await db.execute<{ id: string | null }>(sql`SELECT ${userDepartmentSql(sql`${userId}::uuid`)} AS id`);
  return result.rows[0]?.id ?? null;
}

/** The ticket's department, or the assignee's when the ticket has none. */
async function ticketDepartment(db: DbOrTx, ticket: RecipientTicket): Promise<string | null> {
  if (ticket.departmentId) return ticket.departmentId;
  return ticket.assigneeId ? departmentOf(db, ticket.assigneeId) : null;
}

async function resolveOne(db: DbOrTx, ticket: RecipientTicket, recipient: LadderRecipient): Promise<string[]> {
  switch (recipient.kind) {
    case 'assignee':
      return ticket.assigneeId ? [ticket.assigneeId] : [];
    case 'superior_chain': {
      // The assignee's superiors upwards (the direct superior first), `depth` of them (all without);
      // an unassigned ticket starts from the department manager.
      const start = ticket.assigneeId ?? (await responsibleManager(db, await ticketDepartment(db, ticket)));
      const chain: string[] = [];
      let current = start;
      const limit = recipient.depth ?? MAX_CHAIN;
      while (current && chain.length < limit) {
        const next = await superiorOf(db, current);
        if (!next || chain.includes(next) || next === start) break;
        chain.push(next);
        current = next;
      }
      return ticket.assigneeId ? chain : [...(start ? [start] : []), ...chain].slice(0, limit);
    }
    case 'department_manager': {
      const manager = await responsibleManager(db, await ticketDepartment(db, ticket));
      return manager ? [manager] : [];
    }
    case 'general_manager':
      return findActiveUserIdsWithRole(db, GENERAL_MANAGER_ROLE);
    case 'role':
      return findActiveUserIdsWithRole(db, recipient.role);
    case 'user':
      return [recipient.userId];
    case 'on_duty_leader':
      // Nobody until duty rosters exist (a later issue).
      return [];
  }
}

/** Whom a list of recipient rules names, for this ticket, in order, without duplicates. */
export async function resolveRecipients(
  db: DbOrTx,
  ticket: RecipientTicket,
  rules: readonly LadderRecipient[],
): Promise<string[]> {
  const ids: string[] = [];
  for (const rule of rules) for (const id of await resolveOne(db, ticket, rule)) if (!ids.includes(id)) ids.push(id);
  return ids;
}

/**
 * Whom ladder level `level` tells: every recipient of the levels up to it (a level adds people,
 * it never replaces them).
 */
export function ladderRules(levels: readonly LadderLevel[], level: number): LadderRecipient[] {
  return levels.slice(0, level).flatMap((l) => l.recipients);
}

/** The channels of the levels up to `level` (in-app always). */
export function ladderChannels(levels: readonly LadderLevel[], level: number): string[] {
  return [...new Set(['in_app', ...levels.slice(0, level).flatMap((l) => l.channels)])];
}

/**
 * A warning goes to the assignee, or to the department manager while the ticket is unassigned.
 */
export async function warningRecipients(db: DbOrTx, ticket: RecipientTicket): Promise<string[]> {
  return resolveRecipients(db, ticket, [{ kind: ticket.assigneeId ? 'assignee' : 'department_manager' }]);
}

/** The active ones among `ids` (in order) with their language. */
export async function activeRecipients(db: DbOrTx, ids: string[]) {
  if (ids.length === 0) return [];
  const locales = new Map((await findActiveUserLocales(db, ids)).map((r) => [r.id, r.locale]));
  return ids.filter((id) => locales.has(id)).map((id) => ({ id, locale: locales.get(id) ?? 'zh-CN' }));
}

/** Display names of these users, in the same order. */
export async function recipientNames(db: DbOrTx, ids: string[]): Promise<{ id: string; name: string }[]> {
  if (ids.length === 0) return [];
  const result = await db.execute<{ id: string; name: string | null }>(
    sql`SELECT r.id, ${userNameSql(sql`r.id`)} AS name FROM unnest(${`{${ids.join(',')}}`}::uuid[]) AS r(id)`,
  );
  const names = new Map(result.rows.map((r) => [r.id, r.name ?? '']));
  return ids.map((id) => ({ id, name: names.get(id) ?? '' }));
}
