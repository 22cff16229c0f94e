import { type Locale, t } from '@kefu/shared';
import type { Actor, RequestContext } from '../../lib/actor.js';
import { AppError } from '../../lib/app-error.js';
import type { Deps } from '../../lib/deps.js';
import { assertPublicUrl } from '../../lib/outbound-http.js';
import { recordAudit } from '../audit/index.js';
import { listDeliveries, sendNow } from '../notifications/index.js';
import * as repo from './robots.repository.js';
import type { CreateRobotInput, UpdateRobotInput } from './robots.schemas.js';
import { maskUrl } from './vendors/vendor.contract.js';

type ActorCtx = RequestContext & { actor: Actor };

/** A robot as the API answers it: the secret is write-only (`hasSecret`). */
export function toRobotDto(row: repo.RobotRow) {
  const { secret, locale, ...rest } = row;
  return { ...rest, locale: locale as Locale, hasSecret: secret !== null && secret !== '' };
}

/** A robot for the audit log: no secret, and the key / access token in its URL masked. */
function auditView(row: repo.RobotRow) {
  return { ...toRobotDto(row), url: maskUrl(row.url, row.kind === 'feishu') };
}

async function found(db: Deps['database']['db'], id: string): Promise<repo.RobotRow> {
  const row = await repo.findRobot(db, id);
  if (!row) throw new AppError('robots.not_found', 404);
  return row;
}

export async function listRobots(deps: Deps) {
  const rows = await repo.listRobots(deps.database.db);
  return { items: rows.map(toRobotDto) };
}

export async function getRobot(deps: Deps, id: string) {
  return toRobotDto(await found(deps.database.db, id));
}

export async function createRobot(deps: Deps, ctx: ActorCtx, input: CreateRobotInput) {
  await assertPublicUrl(input.url, deps.config.outbound.allowPrivate);
  return deps.database.db.transaction(async (tx) => {
    const row = await repo.insertRobot(tx, {
      kind: input.kind,
      name: input.name,
      url: input.url,
      secret: input.secret ?? null,
      topics: [...new Set(input.topics ?? [])],
      mentionMobiles: [...new Set(input.mentionMobiles ?? [])],
      format: input.format ?? 'markdown',
      locale: input.locale ?? 'zh-CN',
      enabled: input.enabled ?? true,
      createdBy: ctx.actor.userId,
    });
    await recordAudit(tx, ctx, {
      action: 'robot.created',
      entityType: 'robot',
      entityId: row.id,
      after: auditView(row),
    });
    return toRobotDto(row);
  });
}

export async function updateRobot(deps: Deps, ctx: ActorCtx, id: string, input: UpdateRobotInput) {
  if (input.url !== undefined) await assertPublicUrl(input.url, deps.config.outbound.allowPrivate);
  return deps.database.db.transaction(async (tx) => {
    const before = await found(tx, id);
    const after = await repo.updateRobot(tx, id, {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.url !== undefined ? { url: input.url } : {}),
      ...(input.secret !== undefined ? { secret: input.secret } : {}),
      ...(input.topics !== undefined ? { topics: [...new Set(input.topics)] } : {}),
      ...(input.mentionMobiles !== undefined ? { mentionMobiles: [...new Set(input.mentionMobiles)] } : {}),
      ...(input.format !== undefined ? { format: input.format } : {}),
      ...(input.locale !== undefined ? { locale: input.locale } : {}),
      ...(input.enabled !== undefined ? { enabled: input.enabled } : {}),
    });
    if (!after) throw new AppError('robots.not_found', 404);
    await recordAudit(tx, ctx, {
      action: 'robot.updated',
      entityType: 'robot',
      entityId: id,
      before: auditView(before),
      after: auditView(after),
      ...(input.secret !== undefined ? { details: { secretChanged: true } } : {}),
    });
    return toRobotDto(after);
  });
}

export async function deleteRobot(deps: Deps, ctx: ActorCtx, id: string) {
  await deps.database.db.transaction(async (tx) => {
    const before = await found(tx, id);
    await repo.deleteRobot(tx, id);
    await recordAudit(tx, ctx, {
      action: 'robot.deleted',
      entityType: 'robot',
      entityId: id,
      before: auditView(before),
    });
  });
}

/**
 * Sends a test message now, through the delivery layer (so it is in the robot's delivery log),
 * and answers what the vendor said. A disabled robot can be tested too.
 */
export async function testRobot(deps: Deps, ctx: ActorCtx, id: string) {
  const robot = await found(deps.database.db, id);
  const locale = robot.locale as Locale;
  const result = await sendNow(deps, {
    channel: 'robot',
    recipient: robot.id,
    topic: 'robots.test',
    subject: t(locale, 'robot.test.subject'),
    body: t(locale, 'robot.test.body', { name: robot.name }),
    vars: { robotName: robot.name },
    locale,
    userId: ctx.actor.userId,
    ref: `robot:${robot.id}/test`,
  });
  await recordAudit(deps.database.db, ctx, {
    action: 'robot.tested',
    entityType: 'robot',
    entityId: robot.id,
    details: { ok: result.ok, status: result.response.status, deliveryId: result.notificationId },
  });
  return {
    ok: result.ok,
    status: result.response.status,
    response: result.response.body,
    error: result.error,
    deliveryId: result.notificationId,
  };
}

/** The robot's messages in the delivery log, newest first. */
export async function robotDeliveries(
  deps: Deps,
  id: string,
  query: { status?: 'queued' | 'sent' | 'failed' | 'dead' | 'suppressed'; page: number; pageSize: number },
) {
  await found(deps.database.db, id);
  const page = await listDeliveries(deps.database.db, {
    channel: 'robot',
    recipient: id,
    ...(query.status ? { status: query.status } : {}),
    page: query.page,
    pageSize: query.pageSize,
  });
  return {
    ...page,
    items: page.items.map((d) => ({
      id: d.id,
      topic: d.topic,
      subject: d.subject,
      status: d.status,
      attempts: d.attempts,
      lastError: d.lastError,
      nextAttemptAt: d.nextAttemptAt,
      createdAt: d.createdAt,
      sentAt: d.sentAt,
    })),
  };
}
