import * as outbox from '../../events/dead-letters.js';
import type { RequestContext } from '../../lib/actor.js';
import { AppError } from '../../lib/app-error.js';
import type { Deps } from '../../lib/deps.js';
import { offsetOf, type PageQuery } from '../../lib/pagination.js';
import { recordAudit } from '../audit/index.js';

export async function listDeadLetters(deps: Deps, page: PageQuery) {
  const { items, total } = await outbox.listDeadLetters(deps.database.db, page.pageSize, offsetOf(page));
  return { items, total, page: page.page, pageSize: page.pageSize };
}

export async function retryDeadLetter(deps: Deps, ctx: RequestContext, eventId: string, listener: string) {
  await deps.database.db.transaction(async (tx) => {
    if (!(await outbox.retryDeadLetter(tx, eventId, listener))) throw new AppError('jobs.not_found', 404);
    await recordAudit(tx, ctx, {
      action: 'job.dead_letter_retried',
      entityType: 'outbox_event',
      entityId: eventId,
      details: { listener },
    });
  });
}
