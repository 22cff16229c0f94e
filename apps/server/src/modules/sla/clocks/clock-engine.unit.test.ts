import { describe, expect, it } from 'vitest';
import { CompiledCalendar, type DayOverride, type Period } from '../../calendars/index.js';
import { type ClockFacts, type ClockPolicy, computeClocks, resolvePolicy, type TimelineEntry } from './clock-engine.js';
import { explainClock } from './clock-explain.js';

const t = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`);
const NINE_TO_SIX: Period[] = [[9 * 60, 18 * 60]];

function calendar(overrides: DayOverride[] = []) {
  return new CompiledCalendar({
    timeZone: 'Asia/Shanghai',
    weekly: [[], NINE_TO_SIX, NINE_TO_SIX, NINE_TO_SIX, NINE_TO_SIX, NINE_TO_SIX, []],
    workday: NINE_TO_SIX,
    overrides,
    fromYear: 2025,
    toYear: 2027,
  });
}

let n = 0;
function policy(p: Partial<ClockPolicy> & Pick<ClockPolicy, 'metric' | 'targetMinutes'>): ClockPolicy {
  n += 1;
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    nameZh: 'p',
    nameEn: 'p',
    typeKey: null,
    priority: null,
    customerGrade: null,
    departmentId: null,
    timeBasis: 'business',
    calendarId: 'cal',
    warnPercents: [],
    ladderId: null,
    followUpMinutes: null,
    isActive: true,
    sortOrder: 0,
    ...p,
  };
}

const DEPT_A = '00000000-0000-4000-8000-00000000000a';
const DEPT_B = '00000000-0000-4000-8000-00000000000b';

function facts(created: string, timeline: TimelineEntry[], ticket: Partial<ClockFacts['ticket']> = {}): ClockFacts {
  return {
    ticket: {
      id: 't1',
      typeKey: 'complaint',
      isComplaint: true,
      priority: 'normal',
      status: 'investigating',
      departmentId: DEPT_A,
      assigneeId: null,
      createdAt: t(created),
      customerGrade: null,
      ...ticket,
    },
    timeline: [
      { at: t(created), kind: 'status', to: 'received' },
      {
        at: t(created),
        kind: 'department',
        departmentId: ticket.departmentId === undefined ? DEPT_A : ticket.departmentId,
      },
      ...timeline,
    ],
  };
}

const ALL_PAUSES = { pauseOn: ['waiting_customer', 'waiting_third_party', 'feedback'] };
const wait = (at: string, waitingOn: 'customer' | 'third_party' | null): TimelineEntry => ({
  at: t(at),
  kind: 'waiting',
  waitingOn,
});

function run(f: ClockFacts, policies: ClockPolicy[], now: string, cal = calendar(), settings = ALL_PAUSES) {
  return computeClocks(f, policies, settings, () => cal, t(now));
}

describe('clock engine: pauses', () => {
  it('stops the count while paused and resumes it (pause/resume sequence)', () => {
    const f = facts('2026-03-02 10:00', [
      wait('2026-03-02 10:30', 'customer'),
      wait('2026-03-02 11:00', null),
      wait('2026-03-02 11:30', 'third_party'),
      wait('2026-03-02 12:00', null),
    ]);
    const [clock] = run(f, [policy({ metric: 'first_response', targetMinutes: 120 })], '2026-03-02 12:30');
    expect(clock?.dueAt).toEqual(t('2026-03-02 13:00'));
    expect(clock?.state).toBe('running');
    expect(clock?.pausedMinutes).toBe(60);
    expect(clock?.remainingMinutes).toBe(30);
    expect(clock?.pauses.map((p) => p.reason)).toEqual(['waiting_customer', 'waiting_third_party']);
  });

  it('does not pause on a wait the settings leave out', () => {
    const f = facts('2026-03-02 10:00', [wait('2026-03-02 10:30', 'third_party'), wait('2026-03-02 11:00', null)]);
    const [clock] = run(f, [policy({ metric: 'first_response', targetMinutes: 120 })], '2026-03-02 10:45', calendar(), {
      pauseOn: ['waiting_customer'],
    });
    expect(clock?.dueAt).toEqual(t('2026-03-02 12:00'));
    expect(clock?.pausedMinutes).toBe(0);
  });

  it('keeps every paused minute when the priority changes after three pauses (GLPI #15605)', () => {
    const timeline = [
      wait('2026-03-02 10:00', 'customer'),
      wait('2026-03-02 10:30', null),
      wait('2026-03-02 11:00', 'customer'),
      wait('2026-03-02 11:30', null),
      wait('2026-03-02 12:00', 'third_party'),
      wait('2026-03-02 12:30', null),
    ];
    const policies = [
      policy({ metric: 'resolution', priority: 'normal', targetMinutes: 480 }),
      policy({ metric: 'resolution', priority: 'high', targetMinutes: 240 }),
    ];
    const before = run(facts('2026-03-02 09:00', timeline, { priority: 'normal' }), policies, '2026-03-02 13:00');
    const after = run(facts('2026-03-02 09:00', timeline, { priority: 'high' }), policies, '2026-03-02 13:00');
    expect(before[0]?.pausedMinutes).toBe(90);
    expect(after[0]?.pausedMinutes).toBe(90);
    // 09:00 + 240 business minutes + 90 paused.
    expect(after[0]?.dueAt).toEqual(t('2026-03-02 14:30'));
    expect(after[0]?.policy.priority).toBe('high');
  });

  it('never breaches a paused clock (GLPI #24481)', () => {
    const f = facts('2026-03-02 10:00', [wait('2026-03-02 10:30', 'customer')]);
    const [clock] = run(f, [policy({ metric: 'first_response', targetMinutes: 60 })], '2026-03-09 10:00');
    expect(clock?.state).toBe('paused');
    expect(clock?.dueAt).toBeNull();
    expect(clock?.breachedAt).toBeNull();
    expect(clock?.remainingMinutes).toBe(30);
    expect(clock?.pausedSince).toEqual(t('2026-03-02 10:30'));
  });

  it('places warnings after the pauses', () => {
    const f = facts('2026-03-02 10:00', [wait('2026-03-02 10:20', 'customer'), wait('2026-03-02 11:20', null)]);
    const [clock] = run(
      f,
      [policy({ metric: 'first_response', targetMinutes: 100, warnPercents: [50, 90] })],
      '2026-03-02 11:30',
    );
    expect(clock?.warnings).toEqual([
      { percent: 50, at: t('2026-03-02 11:50') },
      { percent: 90, at: t('2026-03-02 12:30') },
    ]);
    expect(clock?.dueAt).toEqual(t('2026-03-02 12:40'));
  });
});

describe('clock engine: calendars and explain', () => {
  const policies = [policy({ metric: 'first_response', targetMinutes: 120 })];
  const f = facts('2026-03-06 17:00', []);

  it('moves the due time earlier when a Saturday becomes a make-up working day, and explains it', () => {
    const [plain] = run(f, policies, '2026-03-06 17:30');
    expect(plain?.dueAt).toEqual(t('2026-03-09 10:00'));
    const makeup = calendar([{ date: '2026-03-07', kind: 'work', name: '调休', source: 'official' }]);
    const [moved] = run(f, policies, '2026-03-06 17:30', makeup);
    expect(moved?.dueAt).toEqual(t('2026-03-07 10:00'));

    const explained = explainClock(f, policies, ALL_PAUSES, () => makeup, t('2026-03-06 17:30'), {
      metric: 'first_response',
      cycle: 1,
    });
    expect(explained?.days.map((d) => [d.date, d.kind, d.name, d.minutes])).toEqual([
      ['2026-03-06', 'workday', null, 60],
      ['2026-03-07', 'makeup_workday', '调休', 60],
    ]);
    expect(explained?.days[1]?.periods).toEqual([{ from: t('2026-03-07 09:00'), to: t('2026-03-07 10:00') }]);
  });

  it('names holidays, weekends and the calendar’s own days in the explain view', () => {
    const cal = calendar([
      { date: '2026-03-09', kind: 'off', name: '公司假日', source: 'calendar' },
      { date: '2026-03-10', kind: 'off', name: '假日', source: 'official' },
    ]);
    const explained = explainClock(f, policies, ALL_PAUSES, () => cal, t('2026-03-06 17:30'), {
      metric: 'first_response',
      cycle: 1,
    });
    expect(explained?.days.map((d) => [d.date, d.kind, d.minutes])).toEqual([
      ['2026-03-06', 'workday', 60],
      ['2026-03-07', 'weekend', 0],
      ['2026-03-08', 'weekend', 0],
      ['2026-03-09', 'calendar_off', 0],
      ['2026-03-10', 'holiday', 0],
      ['2026-03-11', 'workday', 60],
    ]);
    expect(explained?.clock.dueAt).toEqual(t('2026-03-11 10:00'));
  });

  it('lists the pauses with their minutes and leaves them out of the counted periods', () => {
    const paused = facts('2026-03-02 10:00', [wait('2026-03-02 10:30', 'customer'), wait('2026-03-02 11:00', null)]);
    const explained = explainClock(paused, policies, ALL_PAUSES, () => calendar(), t('2026-03-02 11:00'), {
      metric: 'first_response',
      cycle: 1,
    });
    expect(explained?.pauses).toEqual([
      { from: t('2026-03-02 10:30'), to: t('2026-03-02 11:00'), reason: 'waiting_customer', minutes: 30 },
    ]);
    expect(explained?.days[0]?.periods).toEqual([
      { from: t('2026-03-02 10:00'), to: t('2026-03-02 10:30') },
      { from: t('2026-03-02 11:00'), to: t('2026-03-02 12:30') },
    ]);
  });

  it('counts wall-clock minutes for a calendar-time policy', () => {
    const [clock] = run(
      f,
      [policy({ metric: 'first_response', targetMinutes: 120, timeBasis: 'calendar' })],
      '2026-03-06 17:30',
    );
    expect(clock?.dueAt).toEqual(t('2026-03-06 19:00'));
  });
});

describe('clock engine: metrics and cycles', () => {
  it('stops first response at the first reply and measures met / breached', () => {
    const f = facts('2026-03-02 10:00', [{ at: t('2026-03-02 11:00'), kind: 'reply' }]);
    const [met] = run(f, [policy({ metric: 'first_response', targetMinutes: 120 })], '2026-03-02 15:00');
    expect(met).toMatchObject({ state: 'met', stoppedAt: t('2026-03-02 11:00'), remainingMinutes: 60 });
    const [late] = run(
      facts('2026-03-02 10:00', []),
      [policy({ metric: 'first_response', targetMinutes: 60 })],
      '2026-03-02 11:30',
    );
    expect(late).toMatchObject({ state: 'breached', breachedAt: t('2026-03-02 11:00'), remainingMinutes: -30 });
  });

  it('opens a next-reply cycle at each customer message after the first reply', () => {
    const f = facts('2026-03-02 10:00', [
      { at: t('2026-03-02 10:10'), kind: 'reply' },
      { at: t('2026-03-02 11:00'), kind: 'inbound' },
      { at: t('2026-03-02 11:10'), kind: 'inbound' },
      { at: t('2026-03-02 11:30'), kind: 'reply' },
      { at: t('2026-03-02 14:00'), kind: 'inbound' },
    ]);
    const clocks = run(f, [policy({ metric: 'next_reply', targetMinutes: 60 })], '2026-03-02 14:30');
    expect(clocks.map((c) => [c.cycle, c.state, c.startedAt, c.dueAt])).toEqual([
      [1, 'met', t('2026-03-02 11:00'), t('2026-03-02 12:00')],
      [2, 'running', t('2026-03-02 14:00'), t('2026-03-02 15:00')],
    ]);
  });

  it('measures each promised reply against the promised instant', () => {
    const f = facts('2026-03-02 10:00', [
      { at: t('2026-03-02 10:00'), kind: 'promise', promisedAt: t('2026-03-02 16:00') },
      { at: t('2026-03-02 15:00'), kind: 'reply' },
      { at: t('2026-03-02 15:00'), kind: 'promise', promisedAt: t('2026-03-03 12:00') },
    ]);
    const policies = [policy({ metric: 'promised_reply', targetMinutes: 0, warnPercents: [50] })];
    const clocks = run(f, policies, '2026-03-03 13:00');
    expect(clocks.map((c) => [c.cycle, c.state, c.dueAt])).toEqual([
      [1, 'met', t('2026-03-02 16:00')],
      [2, 'breached', t('2026-03-03 12:00')],
    ]);
    expect(clocks[0]?.warnings).toEqual([{ percent: 50, at: t('2026-03-02 13:00') }]);
  });

  it('resumes the resolution clock after a reopen, the resolved span not counting', () => {
    const f = facts('2026-03-02 10:00', [
      { at: t('2026-03-02 12:00'), kind: 'status', to: 'resolved' },
      { at: t('2026-03-03 10:00'), kind: 'status', to: 'investigating' },
    ]);
    const [clock] = run(f, [policy({ metric: 'resolution', targetMinutes: 480 })], '2026-03-03 11:00');
    // 120 minutes worked on Monday, 360 left from Tuesday 10:00.
    expect(clock?.dueAt).toEqual(t('2026-03-03 16:00'));
    expect(clock?.state).toBe('running');
    expect(clock?.pauses).toEqual([{ from: t('2026-03-02 12:00'), to: t('2026-03-03 10:00'), reason: 'stopped' }]);
    expect(clock?.pausedMinutes).toBe(0);

    const resolved = run(
      facts('2026-03-02 10:00', [{ at: t('2026-03-02 12:00'), kind: 'status', to: 'resolved' }], {
        status: 'resolved',
      }),
      [policy({ metric: 'resolution', targetMinutes: 480 })],
      '2026-03-03 11:00',
    );
    expect(resolved[0]).toMatchObject({ state: 'met', stoppedAt: t('2026-03-02 12:00') });
  });

  it('runs a team clock per department that receives the ticket', () => {
    const f = facts('2026-03-02 10:00', [{ at: t('2026-03-02 11:00'), kind: 'department', departmentId: DEPT_B }], {
      departmentId: DEPT_B,
    });
    f.timeline = f.timeline.map((e) =>
      e.kind === 'department' && e.at.getTime() === t('2026-03-02 10:00').getTime()
        ? { ...e, departmentId: DEPT_A }
        : e,
    );
    const policies = [
      policy({ metric: 'team_handling', departmentId: DEPT_A, targetMinutes: 30 }),
      policy({ metric: 'team_handling', targetMinutes: 240 }),
    ];
    const clocks = run(f, policies, '2026-03-02 11:30');
    expect(clocks.map((c) => [c.cycle, c.departmentId, c.state, c.dueAt])).toEqual([
      [1, DEPT_A, 'breached', t('2026-03-02 10:30')],
      [2, DEPT_B, 'running', t('2026-03-02 15:00')],
    ]);
  });

  it('takes the most specific active policy and cancels the clocks of a merged ticket', () => {
    const general = policy({ metric: 'first_response', typeKey: 'complaint', targetMinutes: 240 });
    const specific = policy({ metric: 'first_response', typeKey: 'complaint', priority: 'normal', targetMinutes: 60 });
    const inactive = policy({
      metric: 'first_response',
      typeKey: 'complaint',
      priority: 'normal',
      customerGrade: 'A',
      targetMinutes: 5,
      isActive: false,
    });
    const f = facts('2026-03-02 10:00', []);
    expect(resolvePolicy([general, specific, inactive], 'first_response', f.ticket)?.id).toBe(specific.id);
    const merged = facts('2026-03-02 10:00', [{ at: t('2026-03-02 10:30'), kind: 'status', to: 'merged' }], {
      status: 'merged',
    });
    expect(run(merged, [specific], '2026-03-02 12:00')[0]?.state).toBe('cancelled');
  });

  it('starts the follow-up target at the breach', () => {
    const f = facts('2026-03-02 10:00', []);
    const [clock] = run(
      f,
      [policy({ metric: 'first_response', targetMinutes: 30, timeBasis: 'calendar', followUpMinutes: 90 })],
      '2026-03-02 11:00',
    );
    expect(clock).toMatchObject({ state: 'breached', followUpDueAt: t('2026-03-02 12:00') });
  });
});
