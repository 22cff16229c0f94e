/**
 * Erlang C staffing (pure). For an interval of `intervalSeconds` with `calls` arriving at random
 * (Poisson) and an average handling time `ahtSeconds`, served first come first served by N agents,
 * callers waiting as long as it takes:
 *
 * - traffic A = calls × AHT ÷ interval (Erlangs);
 * - Erlang B by the recurrence B(0) = 1, B(n) = A·B(n−1) ÷ (n + A·B(n−1)) — no factorials, stable
 *   for any N (B only shrinks, never overflows);
 * - waiting probability Pw = C(N, A) = N·B(N) ÷ (N − A·(1 − B(N))), for N > A;
 * - service level SL(T) = 1 − Pw · e^(−(N − A)·T ÷ AHT) (share answered within T seconds);
 * - average speed of answer ASA = Pw · AHT ÷ (N − A);
 * - occupancy = A ÷ N;
 * - agents = the smallest N > A with SL ≥ target and occupancy ≤ maxOccupancy (default 1: no cap);
 * - scheduledAgents = ⌈agents ÷ (1 − shrinkage)⌉ (shrinkage: the share of paid time not on the
 *   phones — breaks, training, absence; default 0).
 *
 * With N ≤ A the queue grows without end: Pw = 1, SL = 0, ASA has no finite value and is null,
 * occupancy 1. No calls: 0 agents, Pw 0, SL 1, ASA 0, occupancy 0. Docs: docs/calls.md, "Staffing".
 */
export type ErlangCInput = {
  calls: number;
  intervalSeconds: number;
  ahtSeconds: number;
  targetAnswerSeconds: number;
  /** 0–1: the share of calls to answer within `targetAnswerSeconds`. */
  targetServiceLevel: number;
  /** 0–1, default 1 (no cap): the highest share of time agents may be busy. */
  maxOccupancy?: number;
  /** 0 ≤ shrinkage < 1, default 0. */
  shrinkage?: number;
  /** Evaluate this many agents instead of searching for the smallest that meets the target. */
  agents?: number;
};

export type ErlangCResult = {
  trafficErlangs: number;
  agents: number;
  scheduledAgents: number;
  waitingProbability: number;
  serviceLevel: number;
  /** Seconds; null when the agents cannot keep up (N ≤ A). */
  asaSeconds: number | null;
  /** A ÷ N, at most 1; null with no agents for some traffic. */
  occupancy: number | null;
  /** Whether `agents` meets the service-level target and the occupancy cap. */
  meetsTarget: boolean;
};

/** The search stops here (traffic beyond it is refused with a RangeError). */
export const MAX_AGENTS = 100_000;

export class ErlangCRangeError extends RangeError {}

/** Erlang B for N agents and traffic A, by the recurrence. */
export function erlangB(agents: number, traffic: number): number {
  let b = 1;
  for (let n = 1; n <= agents; n += 1) b = (traffic * b) / (n + traffic * b);
  return b;
}

type Measures = Pick<ErlangCResult, 'waitingProbability' | 'serviceLevel' | 'asaSeconds' | 'occupancy'>;

/** The measures for N agents given Erlang B at N (B(N)). */
function measures(n: number, a: number, b: number, aht: number, target: number): Measures {
  if (a === 0) return { waitingProbability: 0, serviceLevel: 1, asaSeconds: 0, occupancy: 0 };
  if (n <= a) return { waitingProbability: 1, serviceLevel: 0, asaSeconds: null, occupancy: n === 0 ? null : 1 };
  const pw = (n * b) / (n - a * (1 - b));
  return {
    waitingProbability: pw,
    serviceLevel: Math.max(0, 1 - pw * Math.exp((-(n - a) * target) / aht)),
    asaSeconds: (pw * aht) / (n - a),
    occupancy: a / n,
  };
}

/** ⌈x⌉ forgiving the floating-point dust of a division (14 ÷ 0.7 = 20.000000000000004 → 20). */
const ceil = (x: number) => Math.max(0, Math.ceil(x - 1e-9));

export function erlangC(input: ErlangCInput): ErlangCResult {
  const { calls, intervalSeconds, ahtSeconds, targetAnswerSeconds, targetServiceLevel } = input;
  const maxOccupancy = input.maxOccupancy ?? 1;
  const shrinkage = input.shrinkage ?? 0;
  if (!(intervalSeconds > 0 && ahtSeconds > 0 && calls >= 0 && shrinkage >= 0 && shrinkage < 1 && maxOccupancy > 0))
    throw new ErlangCRangeError('erlangC: interval and AHT must be positive, calls ≥ 0, 0 ≤ shrinkage < 1');
  const a = (calls * ahtSeconds) / intervalSeconds;
  const done = (n: number, m: Measures): ErlangCResult => ({
    trafficErlangs: a,
    agents: n,
    scheduledAgents: ceil(n / (1 - shrinkage)),
    ...m,
    meetsTarget: m.serviceLevel >= targetServiceLevel && (m.occupancy ?? 1) <= maxOccupancy,
  });

  if (input.agents !== undefined) {
    const n = input.agents;
    return done(n, measures(n, a, n > a ? erlangB(n, a) : 0, ahtSeconds, targetAnswerSeconds));
  }
  if (a === 0) return done(0, measures(0, 0, 1, ahtSeconds, targetAnswerSeconds));
  // The smallest N > A that the occupancy cap allows, then up one agent at a time (SL rises with N).
  let n = Math.max(Math.floor(a) + 1, ceil(a / maxOccupancy));
  if (n > MAX_AGENTS) throw new ErlangCRangeError(`erlangC: more than ${MAX_AGENTS} agents needed`);
  let b = erlangB(n, a);
  for (;;) {
    const m = measures(n, a, b, ahtSeconds, targetAnswerSeconds);
    if (m.serviceLevel >= targetServiceLevel || b === 0) return done(n, m);
    n += 1;
    if (n > MAX_AGENTS) throw new ErlangCRangeError(`erlangC: more than ${MAX_AGENTS} agents needed`);
    b = (a * b) / (n + a * b);
  }
}

/** Erlang C for many intervals (an intraday forecast): one result per input, in order. */
export function erlangCIntervals(inputs: readonly ErlangCInput[]): ErlangCResult[] {
  return inputs.map(erlangC);
}
