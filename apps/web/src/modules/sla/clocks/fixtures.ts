/** Clocks as the API returns them, for the panel's tests. */
import type { Clock, Explain, LadderLevel, LadderPosition } from '../types';

/** The policy's warning thresholds (GET /sla/policies). */
export const WARN_AT = [50, 75, 90];

export const NOW = new Date('2026-10-09T06:00:00.000Z'); // Fri 14:00 Asia/Shanghai

export function clock(overrides: Partial<Clock> = {}): Clock {
  return {
    id: 'c-resolution',
    metric: 'resolution',
    cycle: 1,
    policyId: 'p1',
    policyName: '投诉解决 48 小时',
    targetMinutes: 960,
    timeBasis: 'business',
    calendarId: 'cn-workdays',
    calendarName: '工作日（法定节假日、调休）',
    state: 'running',
    startedAt: '2026-10-08T02:00:00.000Z',
    dueAt: '2026-10-10T06:00:00.000Z',
    remainingMinutes: 200,
    pausedMinutes: 0,
    pausedSince: null,
    stoppedAt: null,
    breachedAt: null,
    followUpDueAt: null,
    ladder: null,
    warnings: [],
    ...overrides,
  };
}

export const LADDER: LadderPosition & { levels: LadderLevel[] } = {
  id: 'l1',
  name: '投诉预警处理',
  position: 2,
  levels: [
    {
      level: 1,
      name: '热线主管提取预警',
      limitMinutes: 30,
      reachedAt: '2026-10-09T04:00:00.000Z',
      late: true,
      manual: false,
      reason: null,
      actor: null,
      skipped: false,
      recipients: [{ id: 'u2', name: '李主管' }],
    },
    {
      level: 2,
      name: '店面/责任部门处理',
      limitMinutes: 60,
      reachedAt: '2026-10-09T04:40:00.000Z',
      late: false,
      manual: true,
      reason: '客户情绪激动',
      skipped: false,
      actor: { id: 'u3', name: '王经理' },
      recipients: [{ id: 'u4', name: '赵店长' }],
    },
    {
      level: 3,
      name: '店长给予指导意见',
      limitMinutes: 30,
      reachedAt: null,
      late: false,
      manual: false,
      reason: null,
      actor: null,
      skipped: false,
      recipients: [],
    },
  ],
};

/** National Day 2026 then the make-up Saturday 10 October (国庆节调休上班). */
export const EXPLAIN: Explain = {
  metric: 'resolution',
  cycle: 1,
  state: 'running',
  startedAt: '2026-09-30T08:00:00.000Z',
  dueAt: '2026-10-10T03:00:00.000Z',
  targetMinutes: 720,
  timeBasis: 'business',
  calendar: { id: 'cn-workdays', name: '工作日', timeZone: 'Asia/Shanghai', version: 3 },
  days: [
    {
      date: '2026-09-30',
      kind: 'workday',
      name: null,
      periods: [{ from: '2026-09-30T08:00:00.000Z', to: '2026-09-30T10:00:00.000Z' }],
      minutes: 120,
    },
    { date: '2026-10-01', kind: 'holiday', name: '国庆节', periods: [], minutes: 0 },
    { date: '2026-10-03', kind: 'weekend', name: null, periods: [], minutes: 0 },
    { date: '2026-10-08', kind: 'calendar_off', name: '盘点', periods: [], minutes: 0 },
    {
      date: '2026-10-09',
      kind: 'workday',
      name: null,
      periods: [
        { from: '2026-10-09T01:00:00.000Z', to: '2026-10-09T02:00:00.000Z' },
        { from: '2026-10-09T03:00:00.000Z', to: '2026-10-09T10:00:00.000Z' },
      ],
      minutes: 480,
    },
    {
      date: '2026-10-10',
      kind: 'makeup_workday',
      name: '国庆节调休',
      periods: [{ from: '2026-10-10T01:00:00.000Z', to: '2026-10-10T03:00:00.000Z' }],
      minutes: 120,
    },
  ],
  pauses: [
    { from: '2026-10-09T02:00:00.000Z', to: '2026-10-09T03:00:00.000Z', reason: 'waiting_customer', minutes: 60 },
  ],
};
