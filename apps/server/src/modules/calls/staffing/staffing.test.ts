import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CallRow, type CallWorld, callWorld } from '../records/records.test-setup.js';
import { erlangC } from './erlang-c.js';

/** A local Shanghai time as an instant. */
const at = (date: string, hhmm: string) => new Date(`${date}T${hhmm}:00+08:00`);

/** `n` answered calls entering queue `queue` at `date hhmm` (one per 10 s), each talking `talk` seconds. */
function answered(n: number, date: string, hhmm: string, talk: number, queue = 'hotline'): CallRow[] {
  return Array.from({ length: n }, (_, i) => ({
    queue,
    enteredAt: new Date(at(date, hhmm).getTime() + i * 10_000),
    outcome: 'answered' as const,
    waitSeconds: 8,
    talkSeconds: talk,
  }));
}

const EXAMPLE = 'calls=100&intervalSeconds=1800&ahtSeconds=180&targetAnswerSeconds=20&targetServiceLevel=0.8';

describe('calls/staffing: Erlang C and the intraday forecast', () => {
  let w: CallWorld;

  beforeAll(async () => {
    w = await callWorld();
    // Around Labour Day 2026: 1–5 May off (Fri–Tue), Saturday 9 May a make-up working day (调休).
    await w.insertCalls([
      // Working Tuesdays before 12 May, 10:00–10:30: 30, 20 and 10 calls (average 20), talk 180 s.
      ...answered(30, '2026-04-28', '10:00', 180),
      ...answered(20, '2026-04-21', '10:00', 180),
      ...answered(10, '2026-04-14', '10:00', 180),
      // The holiday Tuesday 5 May is not a sample of a working Tuesday.
      ...answered(100, '2026-05-05', '10:00', 60),
      // Another queue.
      ...answered(40, '2026-04-28', '10:00', 180, 'complaints'),
      // Working days before the make-up Saturday: 4 calls each at 09:00 (talk 200 s) …
      ...['2026-04-30', '2026-05-06', '2026-05-07', '2026-05-08'].flatMap((d) => answered(4, d, '09:00', 200)),
      // … and past Saturdays, which are rest days (one a holiday): not samples of the make-up day.
      ...answered(50, '2026-05-02', '09:00', 200),
      ...answered(50, '2026-04-25', '09:00', 200),
      // An abandoned call counts as offered, but not in the talk time.
      { queue: 'hotline', enteredAt: at('2026-04-14', '10:20'), outcome: 'abandoned', waitSeconds: 30 },
    ]);
  });
  afterAll(async () => {
    await w?.t.close();
  });

  it('answers Erlang C for one interval: the worked example', async () => {
    const res = await w.sup.get(`/api/v1/staffing/erlang-c?${EXAMPLE}&agents=14`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ trafficErlangs: 10, agents: 14, scheduledAgents: 14, meetsTarget: true });
    expect(body.waitingProbability).toBeCloseTo(0.1741, 4);
    expect(body.serviceLevel).toBeCloseTo(0.8884, 4);
    expect(body.asaSeconds).toBeCloseTo(7.84, 2);

    const searched = await w.gm.get(`/api/v1/staffing/erlang-c?${EXAMPLE}&shrinkage=0.3&maxOccupancy=0.85`);
    expect(searched.statusCode, searched.body).toBe(200);
    expect(searched.json()).toMatchObject({ agents: 14, scheduledAgents: 20 });

    const overloaded = await w.sup.get(`/api/v1/staffing/erlang-c?${EXAMPLE}&agents=10`);
    expect(overloaded.json()).toMatchObject({ waitingProbability: 1, serviceLevel: 0, asaSeconds: null, occupancy: 1 });
  });

  it('refuses bad input with 400 and callers without calls.read', async () => {
    for (const query of [
      EXAMPLE.replace('calls=100', 'calls=-1'),
      EXAMPLE.replace('calls=100', 'calls=100001'),
      EXAMPLE.replace('intervalSeconds=1800', 'intervalSeconds=30'),
      EXAMPLE.replace('targetServiceLevel=0.8', 'targetServiceLevel=1'),
      EXAMPLE.replace('ahtSeconds=180', 'ahtSeconds=abc'),
      EXAMPLE.replace('&targetAnswerSeconds=20', ''),
      `${EXAMPLE}&shrinkage=1`,
      `${EXAMPLE}&maxOccupancy=0`,
      `${EXAMPLE}&agents=10001`,
    ]) {
      const res = await w.sup.get(`/api/v1/staffing/erlang-c?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().code).toBe('validation_failed');
    }
    const tooLarge = await w.sup.get(
      '/api/v1/staffing/erlang-c?calls=100000&intervalSeconds=60&ahtSeconds=36000&targetAnswerSeconds=20&targetServiceLevel=0.8',
    );
    expect(tooLarge.statusCode).toBe(400);
    expect(tooLarge.json().code).toBe('calls.staffing_too_large');
    expect(tooLarge.json().detail).toContain('100000');

    const anonymous = await w.t.app.inject({ method: 'GET', url: `/api/v1/staffing/erlang-c?${EXAMPLE}` });
    expect(anonymous.statusCode).toBe(401);
    expect((await w.plainAgent.get(`/api/v1/staffing/erlang-c?${EXAMPLE}`)).statusCode).toBe(403);
    expect((await w.plainAgent.get('/api/v1/staffing/intraday?date=2026-05-12')).statusCode).toBe(403);
    expect((await w.sup.get('/api/v1/staffing/intraday?date=2026-13-01')).statusCode).toBe(400);
    expect((await w.sup.get('/api/v1/staffing/intraday?date=2026-05-12&weeks=27')).statusCode).toBe(400);
  });

  it('forecasts a working Tuesday from past working Tuesdays, skipping the holiday Tuesday', async () => {
    const res = await w.admin.get('/api/v1/staffing/intraday?date=2026-05-12&weeks=4&queue=hotline');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      date: '2026-05-12',
      dayKind: 'workday',
      timeZone: 'Asia/Shanghai',
      queue: 'hotline',
      sampleDays: ['2026-04-28', '2026-04-21', '2026-04-14'],
      targetAnswerSeconds: 20,
      targetServiceLevel: 0.8,
      shrinkage: 0,
    });
    expect(body.intervals).toHaveLength(48);
    const ten = body.intervals[20];
    expect(ten.start).toBe(at('2026-05-12', '10:00').toISOString());
    expect(ten.end).toBe(at('2026-05-12', '10:30').toISOString());
    // (30 + 20 + 11) ÷ 3 sample days; AHT from the 60 answered calls of that half hour.
    expect(ten.forecastCalls).toBe(20.33);
    expect(ten).toMatchObject({ ahtSeconds: 180, ahtSource: 'interval', plannedAgents: null });
    const expected = erlangC({
      calls: 61 / 3,
      intervalSeconds: 1800,
      ahtSeconds: 180,
      targetAnswerSeconds: 20,
      targetServiceLevel: 0.8,
    });
    expect(ten.agentsNeeded).toBe(expected.agents);
    expect(ten.serviceLevel).toBeCloseTo(expected.serviceLevel, 10);
    // A quiet half hour: no calls, no agents; its AHT from the sample days' average.
    expect(body.intervals[3]).toMatchObject({
      forecastCalls: 0,
      agentsNeeded: 0,
      ahtSource: 'sample',
      ahtSeconds: 180,
    });
    expect(body.forecastCalls).toBe(20.33);

    // All queues: the other queue's 40 calls on 28 April add 40 ÷ 3.
    const all = (await w.admin.get('/api/v1/staffing/intraday?date=2026-05-12&weeks=4')).json();
    expect(all.intervals[20].forecastCalls).toBe(33.67);
  });

  it('forecasts a 调休 make-up Saturday from the most recent working days, not from Saturdays', async () => {
    const res = await w.admin.get('/api/v1/staffing/intraday?date=2026-05-09&weeks=4&ahtSeconds=300&shrinkage=0.2');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ dayKind: 'makeup', dayName: '劳动节', shrinkage: 0.2 });
    expect(body.sampleDays).toEqual(['2026-05-08', '2026-05-07', '2026-05-06', '2026-04-30']);
    const nine = body.intervals[18];
    expect(nine).toMatchObject({ forecastCalls: 4, ahtSeconds: 300, ahtSource: 'argument' });
    const expected = erlangC({
      calls: 4,
      intervalSeconds: 1800,
      ahtSeconds: 300,
      targetAnswerSeconds: 20,
      targetServiceLevel: 0.8,
      shrinkage: 0.2,
    });
    expect(nine).toMatchObject({ agentsNeeded: expected.agents, scheduledAgents: expected.scheduledAgents });
  });

  it('forecasts rest days from rest days: a weekend from past rest Saturdays, a weekday holiday from the latest rest days', async () => {
    const saturday = (await w.admin.get('/api/v1/staffing/intraday?date=2026-05-16&weeks=4')).json();
    expect(saturday.dayKind).toBe('weekend');
    expect(saturday.sampleDays).toEqual(['2026-05-02', '2026-04-25', '2026-04-18']);
    expect(saturday.intervals[18].forecastCalls).toBeCloseTo(100 / 3, 2);

    const holiday = (
      await w.admin.get('/api/v1/staffing/intraday?date=2026-05-04&weeks=2&targetServiceLevel=0.9')
    ).json();
    expect(holiday).toMatchObject({ dayKind: 'holiday', dayName: '劳动节', targetServiceLevel: 0.9 });
    expect(holiday.sampleDays).toEqual(['2026-05-03', '2026-05-02']);
    expect(holiday.intervals[18].forecastCalls).toBe(25);
  });
});
