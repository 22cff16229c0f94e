import { describe, expect, it } from 'vitest';
import {
  agentLoadChartOption,
  byLoad,
  countByStatus,
  loadChartHeight,
  normalizeSkills,
  STATUS_COLOR,
} from './agentBoard';
import type { Agent } from './types';

const agent = (displayName: string, status: Agent['status'], load: number, openTickets: number): Agent => ({
  userId: `id-${displayName}`,
  username: displayName.toLowerCase(),
  displayName,
  roleKey: 'agent',
  departmentId: null,
  departmentName: null,
  status,
  skills: [],
  overdue: 0,
  openTickets,
  load,
  lastAssignedAt: null,
});

const agents = [agent('Bai', 'away', 2, 2), agent('An', 'on_shift', 5.5, 3), agent('Chen', 'off', 2, 4)];
const labels = {
  load: '负荷',
  openTickets: '未结',
  statuses: { on_shift: '在岗', away: '暂离', off: '下班' },
};

describe('agent board', () => {
  it('counts agents per status', () => {
    expect(countByStatus(agents)).toEqual({ on_shift: 1, away: 1, off: 1 });
    expect(countByStatus([])).toEqual({ on_shift: 0, away: 0, off: 0 });
  });

  it('orders by load, then open tickets, then name', () => {
    expect(byLoad(agents).map((a) => a.displayName)).toEqual(['An', 'Chen', 'Bai']);
  });

  it('normalizes skills as the server accepts them', () => {
    expect(normalizeSkills([' Repair ', 'repair', 'billing', '2x', 'a b', ''])).toEqual(['repair', 'billing']);
    expect(normalizeSkills(Array.from({ length: 25 }, (_, i) => `s${i}`))).toHaveLength(20);
  });

  it('sizes the chart by the number of agents, within bounds', () => {
    expect(loadChartHeight(0)).toBe(160);
    expect(loadChartHeight(10)).toBe(328);
    expect(loadChartHeight(100)).toBe(640);
  });

  it('draws the most loaded agent on top, load bars colored by status, and explains a row', () => {
    const option = agentLoadChartOption(agents, labels);
    // ECharts puts the first category at the bottom.
    expect(option.yAxis.data).toEqual(['Bai', 'Chen', 'An']);
    const [load, open] = option.series;
    expect(load?.data).toEqual([
      { value: 2, itemStyle: { color: STATUS_COLOR.away } },
      { value: 2, itemStyle: { color: STATUS_COLOR.off } },
      { value: 5.5, itemStyle: { color: STATUS_COLOR.on_shift } },
    ]);
    expect(open?.data).toEqual([2, 4, 3]);
    expect(option.legend.data).toEqual(['负荷', '未结']);
    expect(option.tooltip.formatter([{ dataIndex: 2 }])).toBe('An · 在岗<br/>负荷: 5.5<br/>未结: 3');
    expect(option.tooltip.formatter([])).toBe('');
  });
});
