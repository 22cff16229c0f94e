import type { Actor } from '../../../lib/actor.js';
import { badRequest } from '../../../lib/app-error.js';
import type { Deps } from '../../../lib/deps.js';
import { readSettings } from './settings.repository.js';
import { average, EMPTY_SUMS, figuresOf, ratio } from './stats.figures.js';
import * as repo from './stats.repository.js';
import { type CallStats, type CallStatsQuery, type CallTrendQuery, MAX_RANGE_DAYS } from './stats.schemas.js';

const DAY_MS = 86_400_000;

/** `from` < `to` and at most MAX_RANGE_DAYS apart; otherwise 400 `calls.range_invalid` on `to`. */
export function checkRange(fromText: string, toText: string) {
  const from = new Date(fromText);
  const to = new Date(toText);
  if (!(from < to) || to.getTime() - from.getTime() > MAX_RANGE_DAYS * DAY_MS) {
    throw badRequest('calls.range_invalid', { days: MAX_RANGE_DAYS }, [{ path: 'to', message: 'out of range' }]);
  }
  return { from, to };
}

/**
 * The call-centre KPIs of a period per queue, per PBX agent and over all queues, within the
 * reader's data scope (records/call-scope.ts). The threshold defaults to the settings' service
 * level seconds; the short-abandon threshold is the settings'.
 */
export async function callStats(deps: Deps, actor: Actor, query: CallStatsQuery): Promise<CallStats> {
  const { db } = deps.database;
  const { from, to } = checkRange(query.from, query.to);
  const settings = await readSettings(db);
  const threshold = query.threshold ?? settings.serviceLevelSeconds;
  const filter = { ...query, from, to, threshold, shortAbandonSeconds: settings.shortAbandonSeconds };
  const rows = await repo.sumsByGroup(db, actor, filter);
  const total = rows.find((r) => r.level === 'total') ?? EMPTY_SUMS;
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    threshold,
    shortAbandonSeconds: settings.shortAbandonSeconds,
    queues: rows
      .filter((r) => r.level === 'queue')
      .map((r) => ({ queue: r.queue ?? '', ...figuresOf(r) }))
      .sort((a, b) => a.queue.localeCompare(b.queue)),
    total: figuresOf(total),
    agents: rows
      .filter((r) => r.level === 'agent' && r.answered > 0)
      .map((r) => {
        const f = figuresOf(r);
        return {
          agent: r.agent ?? '',
          userId: r.userId,
          userName: r.userName,
          answered: f.answered,
          answeredWithinThreshold: f.answeredWithinThreshold,
          transferred: f.transferred,
          avgWaitAnsweredSeconds: f.avgWaitAnsweredSeconds,
          avgTalkSeconds: f.avgTalkSeconds,
          avgHandlingSeconds: f.avgHandlingSeconds,
          avgRings: f.avgRings,
        };
      })
      .sort((a, b) => b.answered - a.answered || a.agent.localeCompare(b.agent)),
  };
}

/** Offered, answered, service level, answer and abandon rates and talk time per day, week or month. */
export async function callTrend(deps: Deps, actor: Actor, query: CallTrendQuery) {
  const { db } = deps.database;
  const { from, to } = checkRange(query.from, query.to);
  const settings = await readSettings(db);
  const threshold = query.threshold ?? settings.serviceLevelSeconds;
  const rows = await repo.sumsByBucket(db, actor, {
    ...query,
    from,
    to,
    threshold,
    shortAbandonSeconds: settings.shortAbandonSeconds,
    timezone: deps.config.timezone,
  });
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    bucket: query.bucket,
    threshold,
    points: rows.map((r) => ({
      start: r.start,
      offered: r.offered,
      answered: r.answered,
      abandoned: r.abandoned,
      answeredWithinThreshold: r.answeredWithinThreshold,
      serviceLevelOffered: ratio(r.answeredWithinThreshold, r.offered),
      answerRate: ratio(r.answered, r.offered),
      abandonRate: ratio(r.abandoned, r.offered),
      avgTalkSeconds: average(r.talkSum, r.talkCount),
    })),
  };
}
