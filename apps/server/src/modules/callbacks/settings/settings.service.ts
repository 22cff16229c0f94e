import { badRequest } from '../../../lib/app-error.js';
import type { Deps } from '../../../lib/deps.js';
import { recordAudit } from '../../audit/index.js';
import type { QuietWindow } from '../callbacks.tables.js';
import type { Ctx } from '../work/work.service.js';
import * as repo from './settings.repository.js';
import { freeMinutesOfDay, MIN_FREE_MINUTES } from './settings.rules.js';
import type { CallbackSettingsPatch } from './settings.schemas.js';

const view = (s: repo.CallbackSettingsValues) => ({ ...s, updatedAt: s.updatedAt?.toISOString() ?? null });

/** Refuses windows that leave less than an hour of the day (400 on `path`). */
export function checkQuietWindows(windows: readonly QuietWindow[], path: string) {
  if (freeMinutesOfDay(windows) < MIN_FREE_MINUTES) {
    throw badRequest('callbacks.quiet_windows_too_wide', { minutes: MIN_FREE_MINUTES }, [{ path, message: '' }]);
  }
}

export async function getCallbackSettings(deps: Deps) {
  return view(await repo.readSettings(deps.database.db));
}

/**
 * Changes the scheduling rules. They apply to callbacks made or retried from then on; callbacks
 * already scheduled keep their moment (a customer's own rest hours move theirs at once).
 */
export async function updateCallbackSettings(deps: Deps, ctx: Ctx, patch: CallbackSettingsPatch) {
  return deps.database.db.transaction(async (tx) => {
    const before = await repo.readSettings(tx);
    if (patch.quietWindows) checkQuietWindows(patch.quietWindows, 'quietWindows');
    const { updatedAt: _, ...current } = before;
    const next = { ...current, ...patch };
    await repo.writeSettings(tx, next);
    await recordAudit(tx, ctx, {
      action: 'callback.settings_updated',
      entityType: 'callback_settings',
      entityId: null,
      before: current,
      after: next,
    });
    return view(await repo.readSettings(tx));
  });
}
