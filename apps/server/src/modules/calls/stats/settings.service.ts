import type { Actor, RequestContext } from '../../../lib/actor.js';
import { AppError, badRequest } from '../../../lib/app-error.js';
import type { Deps } from '../../../lib/deps.js';
import { recordAudit } from '../../audit/index.js';
import * as repo from './settings.repository.js';
import type { CallSettingsPatch } from './settings.schemas.js';

type Ctx = RequestContext & { actor: Actor };

const view = ({ id: _, ...row }: repo.CallSettingsRow) => ({ ...row, updatedAt: row.updatedAt.toISOString() });

export async function getCallSettings(deps: Deps) {
  return view(await repo.readSettings(deps.database.db));
}

/** Refuses a range whose lower bound is above its upper bound (400 on the lower bound's field). */
function checkRange(min: number, max: number, path: string) {
  if (min > max) throw badRequest('calls.min_above_max', { min, max }, [{ path, message: 'above the upper bound' }]);
}

/**
 * Changes the KPI targets and thresholds (they apply to every figure read from then on, past
 * periods included: the figures are computed at read time). `version` must be the one read (409
 * otherwise); ranges must keep min ≤ max; audited with before and after.
 */
export async function updateCallSettings(deps: Deps, ctx: Ctx, patch: CallSettingsPatch) {
  const row = await deps.database.db.transaction(async (tx) => {
    await repo.readSettings(tx);
    const before = await repo.findSettings(tx, { forUpdate: true });
    if (!before || before.version !== patch.version) throw new AppError('conflict', 409);
    const { version, ...values } = patch;
    const next = { ...before, ...values };
    checkRange(next.ahtMinSeconds, next.ahtMaxSeconds, 'ahtMinSeconds');
    checkRange(next.avgRingsMin, next.avgRingsMax, 'avgRingsMin');
    const after = await repo.updateSettings(tx, version, { ...values, updatedBy: ctx.actor.userId });
    if (!after) throw new AppError('conflict', 409);
    const { updatedAt: _b, ...auditBefore } = before;
    const { updatedAt: _a, ...auditAfter } = after;
    await recordAudit(tx, ctx, {
      action: 'call_settings.updated',
      entityType: 'call_settings',
      entityId: '1',
      before: auditBefore,
      after: auditAfter,
    });
    return after;
  });
  return view(row);
}
