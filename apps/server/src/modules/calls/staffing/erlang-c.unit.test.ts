import { describe, expect, it } from 'vitest';
import { ErlangCRangeError, erlangB, erlangC, erlangCIntervals } from './erlang-c.js';

/** The published worked example: 100 calls in 30 minutes, AHT 180 s, answer within 20 s. */
const EXAMPLE = {
  calls: 100,
  intervalSeconds: 1800,
  ahtSeconds: 180,
  targetAnswerSeconds: 20,
  targetServiceLevel: 0.8,
};

function random(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

describe('erlangC', () => {
  it('matches the worked example with 14 agents: 10 Erlangs, Pw 0.1741, SL 0.8884, ASA 7.84 s', () => {
    const r = erlangC({ ...EXAMPLE, agents: 14 });
    expect(r.trafficErlangs).toBe(10);
    expect(r.waitingProbability).toBeCloseTo(0.1741, 4);
    expect(r.serviceLevel).toBeCloseTo(0.8884, 4);
    expect(r.asaSeconds).toBeCloseTo(7.84, 2);
    expect(r.occupancy).toBeCloseTo(10 / 14, 10);
    expect(r).toMatchObject({ agents: 14, scheduledAgents: 14, meetsTarget: true });
  });

  it('finds 14 agents as the smallest meeting 80 % in 20 s (13 do not)', () => {
    expect(erlangC(EXAMPLE).agents).toBe(14);
    const thirteen = erlangC({ ...EXAMPLE, agents: 13 });
    expect(thirteen.serviceLevel).toBeLessThan(0.8);
    expect(thirteen.meetsTarget).toBe(false);
  });

  it('computes Erlang B by the recurrence (B(2, 1) = 0.2)', () => {
    expect(erlangB(2, 1)).toBeCloseTo(0.2, 12);
    expect(erlangB(0, 5)).toBe(1);
  });

  it('needs no agents for no calls', () => {
    expect(erlangC({ ...EXAMPLE, calls: 0 })).toEqual({
      trafficErlangs: 0,
      agents: 0,
      scheduledAgents: 0,
      waitingProbability: 0,
      serviceLevel: 1,
      asaSeconds: 0,
      occupancy: 0,
      meetsTarget: true,
    });
    expect(erlangC({ ...EXAMPLE, calls: 0, agents: 3 })).toMatchObject({
      serviceLevel: 1,
      asaSeconds: 0,
      occupancy: 0,
    });
  });

  it('with load ≥ agents: everyone waits, SL 0, ASA null', () => {
    for (const agents of [0, 5, 10]) {
      const r = erlangC({ ...EXAMPLE, agents });
      expect(r).toMatchObject({ agents, waitingProbability: 1, serviceLevel: 0, asaSeconds: null, meetsTarget: false });
      expect(r.occupancy).toBe(agents === 0 ? null : 1);
    }
  });

  it('stays finite for 500+ agents (5,000 calls in 30 minutes)', () => {
    const r = erlangC({ ...EXAMPLE, calls: 5000 });
    expect(r.trafficErlangs).toBe(500);
    expect(r.agents).toBeGreaterThan(500);
    expect(r.agents).toBeLessThan(540);
    for (const v of [r.waitingProbability, r.serviceLevel, r.asaSeconds, r.occupancy])
      expect(Number.isFinite(v)).toBe(true);
    expect(r.serviceLevel).toBeGreaterThanOrEqual(0.8);
    expect(erlangC({ ...EXAMPLE, calls: 5000, agents: r.agents - 1 }).serviceLevel).toBeLessThan(0.8);
    // Very large N: B underflows towards 0 without NaN.
    const huge = erlangC({ ...EXAMPLE, calls: 50_000, agents: 10_000 });
    expect(huge.waitingProbability).toBeGreaterThanOrEqual(0);
    expect(huge.serviceLevel).toBeCloseTo(1, 10);
  });

  it('schedules agents after shrinkage, without floating-point dust', () => {
    expect(erlangC({ ...EXAMPLE, shrinkage: 0.3 })).toMatchObject({ agents: 14, scheduledAgents: 20 });
    expect(erlangC({ ...EXAMPLE, shrinkage: 0.35 }).scheduledAgents).toBe(22);
  });

  it('raises N to respect an occupancy cap', () => {
    const capped = erlangC({ ...EXAMPLE, maxOccupancy: 0.65 });
    expect(capped.agents).toBe(16); // 10 ÷ 0.65 = 15.4 → 16, though 14 meet the service level
    expect(capped.occupancy).toBeLessThanOrEqual(0.65);
    expect(erlangC({ ...EXAMPLE, maxOccupancy: 0.85 }).agents).toBe(14);
  });

  it('refuses impossible inputs and loads past the search bound', () => {
    expect(() => erlangC({ ...EXAMPLE, intervalSeconds: 0 })).toThrow(ErlangCRangeError);
    expect(() => erlangC({ ...EXAMPLE, shrinkage: 1 })).toThrow(ErlangCRangeError);
    expect(() => erlangC({ ...EXAMPLE, calls: 100_000, ahtSeconds: 36_000, intervalSeconds: 60 })).toThrow(
      ErlangCRangeError,
    );
  });

  it('property: service level never falls when an agent is added (random inputs)', () => {
    const next = random(20261207);
    for (let round = 0; round < 300; round += 1) {
      const input = {
        calls: Math.floor(next() * 2000),
        intervalSeconds: 900 + Math.floor(next() * 2700),
        ahtSeconds: 30 + Math.floor(next() * 900),
        targetAnswerSeconds: Math.floor(next() * 120),
        targetServiceLevel: 0.8,
      };
      const a = (input.calls * input.ahtSeconds) / input.intervalSeconds;
      let previous = -1;
      const from = Math.max(0, Math.floor(a) - 2);
      for (let agents = from; agents < from + 40; agents += 1) {
        const { serviceLevel, waitingProbability } = erlangC({ ...input, agents });
        expect(serviceLevel).toBeGreaterThanOrEqual(previous - 1e-12);
        expect(waitingProbability).toBeGreaterThanOrEqual(0);
        expect(waitingProbability).toBeLessThanOrEqual(1);
        previous = serviceLevel;
      }
      // The search gives the smallest N meeting the target.
      const found = erlangC(input);
      expect(found.serviceLevel).toBeGreaterThanOrEqual(0.8);
      if (found.agents > Math.floor(a) + 1)
        expect(erlangC({ ...input, agents: found.agents - 1 }).serviceLevel).toBeLessThan(0.8);
    }
  });

  it('evaluates many intervals in order', () => {
    const out = erlangCIntervals([EXAMPLE, { ...EXAMPLE, calls: 0 }, { ...EXAMPLE, calls: 200 }]);
    expect(out.map((r) => r.agents)).toEqual([14, 0, erlangC({ ...EXAMPLE, calls: 200 }).agents]);
  });
});
