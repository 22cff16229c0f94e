import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../../../i18n';
import type { Ticket } from '../../tickets/core/types';
import type { ClocksResponse, Policy } from '../types';
import { ClocksView } from './ClocksPanel';
import { ExplainContent } from './ExplainContent';
import { clock, EXPLAIN, LADDER, NOW, WARN_AT } from './fixtures';
import { formatInstant } from './formatTime';

const ticket = (overrides: Partial<Ticket> = {}) =>
  ({ id: 't1', status: 'investigating', version: 4, waitingOn: null, ...overrides }) as Ticket;

function html(node: ReactNode) {
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: Number.POSITIVE_INFINITY } } });
  return renderToStaticMarkup(<QueryClientProvider client={client}>{node}</QueryClientProvider>);
}

const policies = [{ id: 'p1', warnPercents: WARN_AT } as Policy];
const view = (data: ClocksResponse, canEscalate = false, t: Ticket = ticket()) =>
  html(
    <ClocksView
      ticket={t}
      data={data}
      policies={policies}
      loading={false}
      failed={false}
      canWrite
      canEscalate={canEscalate}
    />,
  );

/** The text of the element carrying `data-testid="<id>"` (first match), tags stripped. */
function textOf(markup: string, id: string): string {
  const start = markup.indexOf(`data-testid="${id}"`);
  if (start === -1) return '';
  const open = markup.lastIndexOf('<', start);
  const tag = /^<(\w+)/.exec(markup.slice(open))?.[1] ?? 'div';
  const rest = markup.slice(open);
  let depth = 0;
  const re = new RegExp(`<(/?)${tag}[\\s>]`, 'g');
  for (let m = re.exec(rest); m; m = re.exec(rest)) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) return rest.slice(0, m.index).replace(/<[^>]+>/g, '');
  }
  return rest.replace(/<[^>]+>/g, '');
}

describe('the time-limits panel', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
  });
  afterEach(() => vi.useRealTimers());
  afterAll(() => i18n.changeLanguage('zh-CN'));

  it('shows remaining business time and the due time per clock', async () => {
    await i18n.changeLanguage('zh-CN');
    const markup = view({ items: [clock({ remainingMinutes: 620 })], waitingOn: null });
    const row = textOf(markup, 'sla-clock-resolution');
    expect(row).toContain('解决时限');
    expect(row).toContain('计时中');
    expect(row).toContain('剩余 10 小时 20 分（工作时间）');
    expect(row).toContain('目标 16 小时（工作时间）');
    // In the browser's time zone, with the weekday (formatTime.test.ts pins the format).
    expect(textOf(markup, 'sla-clock-due')).toBe(formatInstant('2026-10-10T06:00:00.000Z', 'zh-CN'));
    expect(markup).toContain('data-testid="sla-explain-open"');
    expect(markup.match(/data-testid="sla-warn-mark"/g)).toHaveLength(3);

    // 200 of 960 minutes left: past the first warning (50 %), orange.
    const late = view({ items: [clock()], waitingOn: null });
    expect(textOf(late, 'sla-clock-state')).toBe('即将超时');
    expect(textOf(late, 'sla-clock-remaining')).toBe('剩余 3 小时 20 分（工作时间）');
  });

  it('says a paused clock waits for the customer and keeps its remaining time', async () => {
    await i18n.changeLanguage('zh-CN');
    const paused = clock({
      state: 'paused',
      dueAt: null,
      pausedSince: '2026-10-09T05:00:00.000Z',
      remainingMinutes: 125,
    });
    const markup = view({ items: [paused], waitingOn: 'customer' }, false, ticket({ waitingOn: 'customer' }));
    const row = textOf(markup, 'sla-clock-resolution');
    expect(textOf(markup, 'sla-clock-state')).toBe('暂停中：等待客户');
    expect(row).toContain('剩余 2 小时 5 分（工作时间，已暂停）');
    expect(row).toContain('暂停中，恢复后重新计算');
    // The waiting toggle shows the current wait.
    expect(/ant-segmented-item-selected[\s\S]*?data-testid="sla-waiting-(\w+)"/.exec(markup)?.[1]).toBe('customer');

    await i18n.changeLanguage('en');
    const en = view({ items: [paused], waitingOn: 'third_party' }, false, ticket({ waitingOn: 'third_party' }));
    expect(textOf(en, 'sla-clock-state')).toBe('Paused: waiting for a third party');
  });

  it('says how long a breached clock is overdue, in red, with its ladder position', async () => {
    await i18n.changeLanguage('zh-CN');
    const breached = clock({
      state: 'breached',
      dueAt: '2026-10-08T04:00:00.000Z', // 26 hours before NOW
      breachedAt: '2026-10-08T04:00:00.000Z',
      remainingMinutes: -540,
      ladder: LADDER,
    });
    const markup = view(
      {
        items: [
          breached,
          clock({ id: 'c-first', metric: 'first_response', state: 'met', stoppedAt: '2026-10-08T02:30:00.000Z' }),
        ],
        waitingOn: null,
      },
      true,
    );
    const row = textOf(markup, 'sla-clock-resolution');
    expect(row).toContain('已超时 1 天 2 小时');
    expect(markup).toMatch(/data-testid="sla-clock-resolution" data-state="breached" data-tone="danger"/);
    expect(textOf(markup, 'sla-clock-first_response')).toContain('已达成');

    const ladder = textOf(markup, 'sla-ladder');
    expect(ladder).toContain('第 1 级：热线主管提取预警');
    expect(textOf(markup, 'sla-ladder-level-1')).toContain('延迟');
    expect(textOf(markup, 'sla-ladder-level-2')).toContain('手动升级');
    expect(textOf(markup, 'sla-ladder-level-2')).toContain('操作人：王经理');
    expect(textOf(markup, 'sla-ladder-level-2')).toContain('原因：客户情绪激动');
    expect(textOf(markup, 'sla-ladder-level-3')).toContain('未到达');
    expect(markup).toContain('data-testid="sla-escalate-open"');
  });

  it('offers no escalation to someone without sla.escalate, nor waiting on a closed ticket', async () => {
    await i18n.changeLanguage('zh-CN');
    const markup = view({ items: [clock({ ladder: LADDER })], waitingOn: null }, false, ticket({ status: 'closed' }));
    expect(markup).not.toContain('sla-escalate-open');
    expect(markup).not.toContain('sla-waiting');
  });

  it('says so when no time limit applies', async () => {
    await i18n.changeLanguage('zh-CN');
    expect(view({ items: [], waitingOn: null })).toContain('此工单没有适用的时限规则');
  });
});

describe('the explain drawer', () => {
  afterAll(() => i18n.changeLanguage('zh-CN'));

  it('lists working days with their periods, holidays by name, and a 调休 make-up day as 调休上班', async () => {
    await i18n.changeLanguage('zh-CN');
    const markup = html(<ExplainContent explain={EXPLAIN} />);
    expect(textOf(markup, 'sla-explain-day-2026-10-10')).toContain('调休上班 · 国庆节调休');
    expect(textOf(markup, 'sla-explain-day-2026-10-10')).toContain('09:00–11:00');
    expect(textOf(markup, 'sla-explain-day-2026-10-10')).toContain('2 小时');
    expect(textOf(markup, 'sla-explain-day-2026-10-01')).toContain('法定节假日 · 国庆节');
    expect(textOf(markup, 'sla-explain-day-2026-10-01')).toContain('不计入');
    expect(textOf(markup, 'sla-explain-day-2026-10-03')).toContain('周末休息');
    expect(textOf(markup, 'sla-explain-day-2026-10-08')).toContain('日历休息日 · 盘点');
    expect(textOf(markup, 'sla-explain-day-2026-10-09')).toContain('09:00–10:00, 11:00–18:00');
    expect(textOf(markup, 'sla-explain-pauses')).toContain('等待客户');
    expect(textOf(markup, 'sla-explain-due')).toBe('2026年10月10日周六 11:00');
    expect(markup).toContain('合计 12 小时');
    expect(markup).toContain('工作日（Asia/Shanghai，第 3 版）');

    await i18n.changeLanguage('en');
    const en = html(<ExplainContent explain={EXPLAIN} />);
    expect(textOf(en, 'sla-explain-day-2026-10-10')).toContain('Make-up working day');
    expect(textOf(en, 'sla-explain-day-2026-10-01')).toContain('Public holiday · 国庆节');
  });
});
