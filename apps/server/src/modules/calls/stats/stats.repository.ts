import { and, eq, gte, lt, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import type { Actor } from '../../../lib/actor.js';
import { userNameSql } from '../../users/index.js';
import { type CallDirection, calls } from '../calls.tables.js';
import { callVisibleSql } from '../records/call-scope.js';
import { EMPTY_SUMS as EMPTY } from './stats.figures.js';

export type StatsFilter = {
  from: Date;
  to: Date;
  queue?: string;
  agent?: string;
  direction?: CallDirection;
  threshold: number;
  shortAbandonSeconds: number;
};

/** The sums one group of calls reduces to; every KPI is computed from them (stats.figures.ts). */
export type CallSums = {
  offered: number;
  answered: number;
  abandoned: number;
  shortAbandoned: number;
  timedOut: number;
  exitedWithKey: number;
  exitedEmpty: number;
  unresolved: number;
  transferred: number;
  answeredWithinThreshold: number;
  waitAnsweredSum: number;
  waitAnsweredCount: number;
  waitAbandonedSum: number;
  waitAbandonedCount: number;
  talkSum: number;
  talkCount: number;
  ringNoAnswerAnswered: number;
};

export type GroupRow = CallSums & {
  level: 'queue' | 'agent' | 'total';
  queue: string | null;
  agent: string | null;
  userId: string | null;
  userName: string | null;
};

function where(actor: Actor, f: Pick<StatsFilter, 'from' | 'to' | 'queue' | 'agent' | 'direction'>): SQL | undefined {
  return and(
    gte(calls.enteredAt, f.from),
    lt(calls.enteredAt, f.to),
    f.queue ? eq(calls.queue, f.queue) : undefined,
    f.agent ? eq(calls.agent, f.agent) : undefined,
    f.direction ? eq(calls.direction, f.direction) : undefined,
    callVisibleSql(actor),
  );
}

/** The aggregate columns of the trend, one pass: `count(*) FILTER (…)` and sums (names match CallSums). */
function sumColumns(threshold: number, shortAbandonSeconds: number): SQL {
  const answered = sql`${calls.outcome} = 'answered'`;
  const abandoned = sql`${calls.outcome} = 'abandoned'`;
  return sql`count(*)::int AS "offered",
    count(*) FILTER (WHERE ${answered})::int AS "answered",
    count(*) FILTER (WHERE ${abandoned})::int AS "abandoned",
    count(*) FILTER (WHERE ${abandoned} AND ${calls.waitSeconds} <= ${shortAbandonSeconds}::int)::int AS "shortAbandoned",
    count(*) FILTER (WHERE ${calls.outcome} = 'timeout')::int AS "timedOut",
    count(*) FILTER (WHERE ${calls.outcome} = 'exit_key')::int AS "exitedWithKey",
    count(*) FILTER (WHERE ${calls.outcome} = 'exit_empty')::int AS "exitedEmpty",
    count(*) FILTER (WHERE ${calls.outcome} = 'unresolved')::int AS "unresolved",
    count(*) FILTER (WHERE ${answered} AND ${calls.transferred})::int AS "transferred",
    count(*) FILTER (WHERE ${answered} AND ${calls.waitSeconds} <= ${threshold}::int)::int AS "answeredWithinThreshold",
    coalesce(sum(${calls.waitSeconds}) FILTER (WHERE ${answered}), 0)::float8 AS "waitAnsweredSum",
    count(${calls.waitSeconds}) FILTER (WHERE ${answered})::int AS "waitAnsweredCount",
    coalesce(sum(${calls.waitSeconds}) FILTER (WHERE ${abandoned}), 0)::float8 AS "waitAbandonedSum",
    count(${calls.waitSeconds}) FILTER (WHERE ${abandoned})::int AS "waitAbandonedCount",
    coalesce(sum(${calls.talkSeconds}) FILTER (WHERE ${answered}), 0)::float8 AS "talkSum",
    count(${calls.talkSeconds}) FILTER (WHERE ${answered})::int AS "talkCount",
    coalesce(sum(${calls.ringNoAnswerCount}) FILTER (WHERE ${answered}), 0)::float8 AS "ringNoAnswerAnswered"`;
}

/** The sums of one (queue, agent, mapped user, outcome) group: few aggregates, rolled up in memory. */
type CellRow = {
  queue: string;
  agent: string | null;
  userId: string | null;
  userName: string | null;
  outcome: string;
  n: number;
  withinThreshold: number;
  withinShort: number;
  waitSum: number;
  waitCount: number;
  talkSum: number;
  talkCount: number;
  rings: number;
  transferred: number;
};

const OUTCOME_FIELD = {
  timeout: 'timedOut',
  exit_key: 'exitedWithKey',
  exit_empty: 'exitedEmpty',
  unresolved: 'unresolved',
} as const;

/** Adds one cell to a group's sums (all sums are additive: a queue, an agent and the total are sums of cells). */
function addCell(s: CallSums, c: CellRow) {
  s.offered += c.n;
  if (c.outcome === 'answered') {
    s.answered += c.n;
    s.answeredWithinThreshold += c.withinThreshold;
    s.transferred += c.transferred;
    s.waitAnsweredSum += c.waitSum;
    s.waitAnsweredCount += c.waitCount;
    s.talkSum += c.talkSum;
    s.talkCount += c.talkCount;
    s.ringNoAnswerAnswered += c.rings;
  } else if (c.outcome === 'abandoned') {
    s.abandoned += c.n;
    s.shortAbandoned += c.withinShort;
    s.waitAbandonedSum += c.waitSum;
    s.waitAbandonedCount += c.waitCount;
  } else if (c.outcome in OUTCOME_FIELD) {
    s[OUTCOME_FIELD[c.outcome as keyof typeof OUTCOME_FIELD]] += c.n;
  }
}

/**
 * Per queue, per PBX agent and over all: one scan of the period's calls (along `calls_entered_idx`)
 * grouped by queue, PBX agent and outcome with nine aggregates (few groups: the planner hashes them in
 * memory), rolled up per queue, per agent and in total here. An agent row is a PBX name with the
 * user it is mapped to (the greatest id should the mapping have changed within the period); calls
 * without an agent are in no agent row.
 */
export async function sumsByGroup(db: DbOrTx, actor: Actor, f: StatsFilter): Promise<GroupRow[]> {
  const result = await db.execute<CellRow>(cellsQuery(actor, f));
  return rollUp(result.rows);
}

/** The one statement of `sumsByGroup` (the benchmark explains it). */
export function cellsQuery(actor: Actor, f: StatsFilter): SQL {
  return sql`
    SELECT g.*, ${userNameSql(sql`g."userId"`)} AS "userName"
    FROM (
      SELECT ${calls.queue} AS queue, ${calls.agent} AS agent, max(${calls.agentUserId}::text)::uuid AS "userId",
        ${calls.outcome} AS outcome,
        count(*)::int AS n,
        count(*) FILTER (WHERE ${calls.waitSeconds} <= ${f.threshold}::int)::int AS "withinThreshold",
        count(*) FILTER (WHERE ${calls.waitSeconds} <= ${f.shortAbandonSeconds}::int)::int AS "withinShort",
        coalesce(sum(${calls.waitSeconds}), 0)::float8 AS "waitSum",
        count(${calls.waitSeconds})::int AS "waitCount",
        coalesce(sum(${calls.talkSeconds}), 0)::float8 AS "talkSum",
        count(${calls.talkSeconds})::int AS "talkCount",
        sum(${calls.ringNoAnswerCount})::float8 AS rings,
        count(*) FILTER (WHERE ${calls.transferred})::int AS transferred
      FROM ${calls}
      WHERE ${where(actor, f)}
      GROUP BY ${calls.queue}, ${calls.agent}, ${calls.outcome}
    ) g`;
}

function rollUp(cells: CellRow[]): GroupRow[] {
  const total: GroupRow = { ...EMPTY, level: 'total', queue: null, agent: null, userId: null, userName: null };
  const queues = new Map<string, GroupRow>();
  const agents = new Map<string, GroupRow>();
  for (const cell of cells) {
    addCell(total, cell);
    let queue = queues.get(cell.queue);
    if (!queue) {
      queue = { ...EMPTY, level: 'queue', queue: cell.queue, agent: null, userId: null, userName: null };
      queues.set(cell.queue, queue);
    }
    addCell(queue, cell);
    if (cell.agent === null) continue;
    const key = cell.agent;
    let agent = agents.get(key);
    if (!agent) {
      agent = {
        ...EMPTY,
        level: 'agent',
        queue: null,
        agent: cell.agent,
        userId: cell.userId,
        userName: cell.userName,
      };
      agents.set(key, agent);
    }
    addCell(agent, cell);
  }
  return [...queues.values(), ...agents.values(), ...(cells.length > 0 ? [total] : [])];
}

export type TrendRow = CallSums & { start: string };

/** The sums per day, week (Monday) or month of the business time zone. */
export async function sumsByBucket(
  db: DbOrTx,
  actor: Actor,
  f: StatsFilter & { bucket: 'day' | 'week' | 'month'; timezone: string },
): Promise<TrendRow[]> {
  const start = sql`date_trunc(${f.bucket}, ${calls.enteredAt} AT TIME ZONE ${f.timezone})`;
  const result = await db.execute<TrendRow>(sql`
    SELECT to_char(${start}, 'YYYY-MM-DD') AS start, ${sumColumns(f.threshold, f.shortAbandonSeconds)}
    FROM ${calls}
    WHERE ${where(actor, f)}
    GROUP BY 1
    ORDER BY 1`);
  return result.rows;
}
