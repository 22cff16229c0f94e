import type { RequestContext } from '../../lib/actor.js';
import { AppError } from '../../lib/app-error.js';
import type { Deps } from '../../lib/deps.js';
import { offsetOf, type PageQuery } from '../../lib/pagination.js';
import { recordAudit } from '../audit/index.js';
import * as repo from './jobs.repository.js';

export async function listJobs(deps: Deps, state: repo.JobState | undefined, page: PageQuery) {
  if (!deps.jobs.started) return { items: [], total: 0, page: page.page, pageSize: page.pageSize };
  const { items, total } = await repo.listJobs(deps.database, state, page.pageSize, offsetOf(page));
  return { items, total, page: page.page, pageSize: page.pageSize };
}

export async function retryJob(deps: Deps, ctx: RequestContext, id: string) {
  const name = deps.jobs.started ? await repo.findJobName(deps.database, id) : undefined;
  if (!name) throw new AppError('jobs.not_found', 404);
  await deps.jobs.retry(name, id);
  await recordAudit(deps.database.db, ctx, {
    action: 'job.retried',
    entityType: 'job',
    entityId: id,
    details: { name },
  });
}
