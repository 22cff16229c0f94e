/** The availability board's pure parts: status colors, counts, the load chart. Unit-tested. */
import type { RealtimeEvent } from '../../../api/realtime';
import type { Agent, AgentStatus } from './types';

export const AGENT_STATUSES: readonly AgentStatus[] = ['on_shift', 'away', 'off'];

/** antd Badge `status` per availability: on shift green, away orange, off grey. */
export const STATUS_BADGE: Record<AgentStatus, 'success' | 'warning' | 'default'> = {
  on_shift: 'success',
  away: 'warning',
  off: 'default',
};
export const STATUS_COLOR: Record<AgentStatus, string> = { on_shift: '#52c41a', away: '#faad14', off: '#bfbfbf' };

/** Events after which the board refetches: availability, and work that moves the load. */
export const AGENT_BOARD_EVENTS = [
  'agent.status_changed',
  'ticket.created',
  'ticket.assigned',
  'ticket.status_changed',
  'ticket.merged',
] as const;

/** Events after which the signed-in agent's own status switch refetches. */
export const MY_STATUS_EVENTS = ['agent.status_changed'] as const;

/** Whether an `agent.status_changed` event is about `userId` (a supervisor or another tab changed it). */
export function isStatusChangeOf(event: RealtimeEvent, userId: string | undefined): boolean {
  return event.name === 'agent.status_changed' && userId !== undefined && event.payload.userId === userId;
}

export function countByStatus(agents: readonly Agent[]): Record<AgentStatus, number> {
  const counts: Record<AgentStatus, number> = { on_shift: 0, away: 0, off: 0 };
  for (const agent of agents) counts[agent.status] += 1;
  return counts;
}

/** Skills as the server accepts them: trimmed, lowercase, a-z first, no repeats (20 at most). */
export function normalizeSkills(skills: readonly string[]): string[] {
  const result: string[] = [];
  for (const raw of skills) {
    const skill = raw.trim().toLowerCase();
    if (/^[a-z][a-z0-9_]{0,31}$/.test(skill) && !result.includes(skill)) result.push(skill);
  }
  return result.slice(0, 20);
}

/** Agents most loaded first (then more open tickets, then by name), for the chart. */
export function byLoad(agents: readonly Agent[]): Agent[] {
  return [...agents].sort(
    (a, b) => b.load - a.load || b.openTickets - a.openTickets || a.displayName.localeCompare(b.displayName),
  );
}

/** Chart height for `count` agents: one bar row each, within sensible bounds. */
export function loadChartHeight(count: number): number {
  return Math.min(640, Math.max(160, 48 + count * 28));
}

type LoadLabels = { load: string; openTickets: string; statuses: Record<AgentStatus, string> };

/**
 * Horizontal bars comparing agents: weighted load (colored by availability) and open tickets, the
 * most loaded on top.
 */
export function agentLoadChartOption(agents: readonly Agent[], labels: LoadLabels) {
  // ECharts draws the first category at the bottom: reverse so the most loaded is on top.
  const sorted = byLoad(agents).reverse();
  return {
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: { dataIndex: number }[]) => {
        const agent = sorted[params[0]?.dataIndex ?? -1];
        if (!agent) return '';
        return [
          `${agent.displayName} · ${labels.statuses[agent.status]}`,
          `${labels.load}: ${agent.load}`,
          `${labels.openTickets}: ${agent.openTickets}`,
        ].join('<br/>');
      },
    },
    legend: { data: [labels.load, labels.openTickets], bottom: 0 },
    grid: { left: 8, right: 24, top: 8, bottom: 32, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: sorted.map((agent) => agent.displayName) },
    series: [
      {
        name: labels.load,
        type: 'bar',
        barMaxWidth: 14,
        data: sorted.map((agent) => ({ value: agent.load, itemStyle: { color: STATUS_COLOR[agent.status] } })),
        itemStyle: { color: STATUS_COLOR.on_shift },
      },
      {
        name: labels.openTickets,
        type: 'bar',
        barMaxWidth: 14,
        data: sorted.map((agent) => agent.openTickets),
        itemStyle: { color: '#1677ff' },
      },
    ],
  };
}
