import type { Actor, RequestContext } from '../../../lib/actor.js';
import type { Deps } from '../../../lib/deps.js';
import type { PageQuery } from '../../../lib/pagination.js';
import { auditCustomerList } from '../records/read-audit.js';
import { listKeyStaffShortfall } from './reports.repository.js';

/** Key customers short of the two staff contacts seed 001 asks for, with owner and count. */
export async function keyStaffShortfall(deps: Deps, ctx: RequestContext & { actor: Actor }, page: PageQuery) {
  const { db } = deps.database;
  const { items, total } = await listKeyStaffShortfall(db, ctx.actor, page);
  await auditCustomerList(
    db,
    ctx,
    'key_staff_shortfall',
    items.map((c) => c.id),
    { page: page.page },
    items.map((c) => c.ownerId),
  );
  return { items, total, page: page.page, pageSize: page.pageSize };
}
