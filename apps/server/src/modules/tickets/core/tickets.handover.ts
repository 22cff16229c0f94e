import { localized } from '@kefu/shared';
import { sql } from 'drizzle-orm';
import type { HandoverContributor } from '../../handover/index.js';
import { PREVIEW_LIMIT } from '../../handover/index.js';
import { unfinishedTicketSql } from './open-ticket.js';

const OPEN = unfinishedTicketSql(sql.raw('status'));

/**
 * Open tickets assigned to the leaving employee (anything not closed or merged) move to the
 * successor with the handover; each gets a history entry and a version bump, so an editor who had
 * it open is told it changed.
 */
export const openTicketsContributor: HandoverContributor = {
  kind: 'tickets',
  label: localized('label.handover_kind.tickets'),
  async preview(db, fromUserId) {
    const count = await db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM tickets WHERE assignee_id = ${fromUserId}::uuid AND ${OPEN}`,
    );
    const items = await db.execute<{ id: string; number: string; subject: string }>(
      sql`SELECT id, number, subject FROM tickets WHERE assignee_id = ${fromUserId}::uuid AND ${OPEN}
        ORDER BY updated_at DESC LIMIT ${PREVIEW_LIMIT}`,
    );
    return {
      count: Number(count.rows[0]?.n ?? 0),
      items: items.rows.map((r) => ({ id: r.id, code: r.number, name: r.subject })),
    };
  },
  async move(tx, fromUserId, toUserId, ctx) {
    const moved = await tx.execute<{ id: string }>(
      sql`UPDATE tickets SET assignee_id = ${toUserId}::uuid, version = version + 1, updated_at = now()
        WHERE assignee_id = ${fromUserId}::uuid AND ${OPEN} RETURNING id`,
    );
    if (moved.rows.length > 0) {
      await tx.execute(sql`INSERT INTO ticket_history (ticket_id, actor_id, action, before, after, note)
        SELECT id, ${ctx.actorId}::uuid, 'assigned', jsonb_build_object('assigneeId', ${fromUserId}::text),
          jsonb_build_object('assigneeId', ${toUserId}::text), ${`handover:${ctx.handoverId}`}
        FROM unnest(${`{${moved.rows.map((r) => r.id).join(',')}}`}::uuid[]) AS id`);
    }
    return { count: moved.rows.length, customerIds: [] };
  },
};
