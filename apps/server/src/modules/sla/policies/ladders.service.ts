import type { Locale } from '@kefu/shared';
import type { DbOrTx, Tx } from '../../../db/client.js';
import type { Actor, RequestContext } from '../../../lib/actor.js';
import { AppError, badRequest } from '../../../lib/app-error.js';
import type { Deps } from '../../../lib/deps.js';
import { recordAudit } from '../../audit/index.js';
import { findRoleRow } from '../../roles/index.js';
import { findUserRow } from '../../users/index.js';
import { requestRecompute } from '../clocks/recompute-request.js';
import type { LadderLevel } from '../sla.tables.js';
import * as repo from './ladders.repository.js';
import type { CreateLadderInput, LadderDto, UpdateLadderInput } from './ladders.schemas.js';
import { countPoliciesWithLadder, policyIdsWithLadder } from './policies.repository.js';
import { ensureSlaSeeded } from './policies.seed.js';

type ActorCtx = RequestContext & { actor: Actor };

function toDto(row: repo.LadderRow, locale: Locale): LadderDto {
  return {
    id: row.id,
    nameZh: row.nameZh,
    nameEn: row.nameEn,
    name: locale === 'en' ? row.nameEn : row.nameZh,
    levels: row.levels,
    isBuiltin: row.isBuiltin,
    version: row.version,
  };
}

/** Every role and person a level names exists. */
async function checkLevels(db: DbOrTx, levels: readonly LadderLevel[]): Promise<void> {
  for (const [i, level] of levels.entries()) {
    for (const [j, recipient] of level.recipients.entries()) {
      const path = `levels.${i}.recipients.${j}`;
      if (recipient.kind === 'role' && !(await findRoleRow(db, recipient.role)))
        throw badRequest('sla.unknown_role', { role: recipient.role }, [{ path, message: 'unknown role' }]);
      if (recipient.kind === 'user' && !(await findUserRow(db, recipient.userId)))
        throw badRequest('sla.unknown_user', {}, [{ path, message: 'unknown user' }]);
    }
  }
}

async function requireLadder(tx: Tx, id: string): Promise<repo.LadderRow> {
  const row = await repo.findLadder(tx, id, { forUpdate: true });
  if (!row) throw new AppError('sla.ladder_not_found', 404);
  return row;
}

export async function listLadders(deps: Deps, locale: Locale) {
  await ensureSlaSeeded(deps);
  return { items: (await repo.listLadders(deps.database.db)).map((r) => toDto(r, locale)) };
}

export async function createLadder(deps: Deps, ctx: ActorCtx, input: CreateLadderInput) {
  await ensureSlaSeeded(deps);
  const row = await deps.database.db.transaction(async (tx) => {
    await checkLevels(tx, input.levels);
    const created = await repo.insertLadder(tx, input);
    await recordAudit(tx, ctx, {
      action: 'sla_ladder.created',
      entityType: 'sla_ladder',
      entityId: created.id,
      after: created,
    });
    return created;
  });
  return toDto(row, ctx.locale);
}

/** Edits a ladder (a built-in one too); the clocks of the policies using it are recomputed. */
export async function updateLadder(deps: Deps, ctx: ActorCtx, id: string, input: UpdateLadderInput) {
  const { version, ...changes } = input;
  const row = await deps.database.db.transaction(async (tx) => {
    const before = await requireLadder(tx, id);
    if (before.version !== version) throw new AppError('conflict', 409);
    if (changes.levels) await checkLevels(tx, changes.levels);
    const after = await repo.updateLadder(tx, id, version, changes);
    if (!after) throw new AppError('conflict', 409);
    await recordAudit(tx, ctx, { action: 'sla_ladder.updated', entityType: 'sla_ladder', entityId: id, before, after });
    if (changes.levels)
      for (const policyId of await policyIdsWithLadder(tx, id)) await requestRecompute(tx, deps, { policyId });
    return after;
  });
  return toDto(row, ctx.locale);
}

/** Deletes a ladder no policy uses; a built-in one is kept (it can be edited instead). */
export async function deleteLadder(deps: Deps, ctx: ActorCtx, id: string, version?: number) {
  await deps.database.db.transaction(async (tx) => {
    const before = await requireLadder(tx, id);
    if (version !== undefined && before.version !== version) throw new AppError('conflict', 409);
    if (before.isBuiltin) throw new AppError('sla.ladder_builtin', 409);
    const count = await countPoliciesWithLadder(tx, id);
    if (count > 0) throw new AppError('sla.ladder_in_use', 409, { params: { count } });
    await repo.deleteLadder(tx, id);
    await recordAudit(tx, ctx, { action: 'sla_ladder.deleted', entityType: 'sla_ladder', entityId: id, before });
  });
}
