import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../../i18n';
import { atRiskRemaining } from './at-risk/atRisk';
import { clock, NOW } from './clocks/fixtures';
import { dueTone, SlaDue } from './SlaDue';
import type { AtRiskItem } from './types';

const now = NOW.getTime();
const item = (overrides: Partial<AtRiskItem>): AtRiskItem => ({
  ticketId: 't1',
  number: 'T-1',
  subject: '空调不制冷',
  status: 'investigating',
  priority: 'high',
  typeKey: 'complaint',
  assigneeId: null,
  assigneeName: null,
  clockId: clock().id,
  metric: 'resolution',
  dueAt: '2026-10-09T07:00:00.000Z',
  remainingMinutes: 60,
  state: 'running',
  ladderLevel: 0,
  ...overrides,
});

describe('the queue due column', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
  });
  afterEach(() => vi.useRealTimers());

  it('is red when overdue, orange at risk, grey while paused', () => {
    expect(dueTone('2026-10-09T05:00:00.000Z', 'ok', now)).toBe('danger');
    expect(dueTone('2026-10-09T07:00:00.000Z', 'breached', now)).toBe('danger');
    expect(dueTone('2026-10-09T07:00:00.000Z', 'warning', now)).toBe('warning');
    expect(dueTone('2026-10-09T07:00:00.000Z', 'ok', now)).toBe('normal');
    expect(dueTone(null, 'paused', now)).toBe('paused');
    expect(dueTone(null, null, now)).toBe('muted');
  });

  it('words the due time', async () => {
    await i18n.changeLanguage('zh-CN');
    expect(renderToStaticMarkup(<SlaDue dueAt="2026-10-08T04:00:00.000Z" state="breached" />)).toContain(
      '已超时 1 天 2 小时',
    );
    expect(renderToStaticMarkup(<SlaDue dueAt="2026-10-09T07:30:00.000Z" state="warning" />)).toContain(
      '1 小时 30 分后',
    );
    expect(renderToStaticMarkup(<SlaDue dueAt={null} state="paused" />)).toContain('已暂停');
  });

  it('at-risk rows: overdue in wall-clock time since the due, else the minutes left', () => {
    const unit = (name: string, count: number) => `${count}${name[0]}`;
    const overdue = atRiskRemaining(
      item({ state: 'breached', dueAt: '2026-10-08T04:00:00.000Z', remainingMinutes: -500 }),
      now,
    );
    expect([overdue.overdue, overdue.key, overdue.time(unit)]).toEqual([true, 'sla:remaining.overdue', '1d 2h']);
    const left = atRiskRemaining(item({}), now);
    expect([left.overdue, left.key, left.time(unit)]).toEqual([false, 'sla:remaining.calendar', '1h']);
  });
});
