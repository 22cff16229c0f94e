import type { Actor, RequestContext } from '../../../lib/actor.js';
import { AppError, badRequest } from '../../../lib/app-error.js';
import type { Deps } from '../../../lib/deps.js';
import { recordAudit } from '../../audit/index.js';
import { requestRecompute } from '../clocks/recompute-request.js';
import { SLA_PAUSE_REASONS } from '../sla.tables.js';
import { ensureSlaSeeded } from './policies.seed.js';
import * as repo from './settings.repository.js';
import type { SlaSettingsDto, UpdateSlaSettingsInput } from './settings.schemas.js';

type ActorCtx = RequestContext & { actor: Actor };

function toDto(row: repo.SettingsRow): SlaSettingsDto {
  return { pauseOn: row.pauseOn as SlaSettingsDto['pauseOn'], weights: row.weights, version: row.version };
}

async function readSettings(deps: Deps) {
  await ensureSlaSeeded(deps);
  const row = await repo.findSettings(deps.database.db);
  if (!row) throw new Error('sla_settings row missing after seeding');
  return row;
}

export async function getSlaSettings(deps: Deps): Promise<SlaSettingsDto> {
  return toDto(await readSettings(deps));
}

/**
 * Which waits pause the clocks and the weights of the SLA rate (percents of known metrics,
 * summing to exactly 100). A change of what pauses recomputes every open clock.
 */
export async function updateSlaSettings(deps: Deps, ctx: ActorCtx, input: UpdateSlaSettingsInput) {
  await readSettings(deps);
  const weights = Object.fromEntries(Object.entries(input.weights).filter(([, w]) => w !== undefined && w > 0));
  const sum = Object.values(weights).reduce((a, b) => a + b, 0);
  if (sum !== 100) throw badRequest('sla.invalid_weights', { sum }, [{ path: 'weights', message: `sum ${sum}` }]);
  const pauseOn = SLA_PAUSE_REASONS.filter((r) => input.pauseOn.includes(r));
  const row = await deps.database.db.transaction(async (tx) => {
    const before = await repo.findSettings(tx, { forUpdate: true });
    if (!before || before.version !== input.version) throw new AppError('conflict', 409);
    const after = await repo.updateSettings(tx, input.version, { pauseOn, weights });
    if (!after) throw new AppError('conflict', 409);
    await recordAudit(tx, ctx, {
      action: 'sla_settings.updated',
      entityType: 'sla_settings',
      entityId: '1',
      before,
      after,
    });
    const pauseChanged = before.pauseOn.length !== pauseOn.length || pauseOn.some((r) => !before.pauseOn.includes(r));
    if (pauseChanged) await requestRecompute(tx, deps, { all: true });
    return after;
  });
  return toDto(row);
}
