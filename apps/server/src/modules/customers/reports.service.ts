import type { Actor } from '../../lib/actor.js';
import type { Deps } from '../../lib/deps.js';
import type { PageQuery } from '../../lib/pagination.js';
import { listKeyStaffShortfall } from './reports.repository.js';

/** Key customers short of the two staff contacts seed 001 asks for, with owner and count. */
export async function keyStaffShortfall(deps: Deps, actor: Actor, page: PageQuery) {
  const { items, total } = await listKeyStaffShortfall(deps.database.db, actor, page);
  return { items, total, page: page.page, pageSize: page.pageSize };
}
