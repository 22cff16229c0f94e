/**
 * Where each home figure leads: the queue already filtered (the queue reads these parameters from
 * the address, docs/home.md), or the page that lists what the figure counts. Pure, unit-tested.
 */
export type QueueParams = {
  queue: 'mine' | 'team' | 'unassigned' | 'watching' | 'all';
  open?: boolean;
  overdue?: boolean;
  due?: 'today' | 'hour';
  complaint?: boolean;
  major?: boolean;
  createdFrom?: string;
  createdTo?: string;
  assigneeId?: string;
};

export function queueLink(params: QueueParams): string {
  const search = new URLSearchParams({ queue: params.queue });
  if (params.open) search.set('open', '1');
  if (params.overdue) search.set('overdue', '1');
  if (params.due) search.set('due', params.due);
  if (params.complaint) search.set('complaint', '1');
  if (params.major) search.set('major', '1');
  if (params.createdFrom) search.set('createdFrom', params.createdFrom);
  if (params.createdTo) search.set('createdTo', params.createdTo);
  if (params.assigneeId) search.set('assigneeId', params.assigneeId);
  return `/tickets/queue?${search.toString()}`;
}

export const agentLinks = {
  myOpen: queueLink({ queue: 'mine', open: true }),
  overdue: queueLink({ queue: 'mine', overdue: true }),
  dueToday: queueLink({ queue: 'mine', due: 'today' }),
} as const;

export const supervisorLinks = {
  unassigned: queueLink({ queue: 'unassigned', open: true }),
  overdue: queueLink({ queue: 'team', overdue: true }),
  dueWithinHour: queueLink({ queue: 'team', due: 'hour' }),
} as const;

export type IntakeKey = 'received' | 'closed' | 'open' | 'overdue' | 'major';

/** The month's complaints in the queue (received in the month, with the figure's filter); closed ones in the intake report. */
export function intakeLink(key: IntakeKey, month: { from: string; to: string }): string {
  if (key === 'closed') return `/tickets/reports/intake?from=${month.from}&to=${month.to}`;
  return queueLink({
    queue: 'all',
    complaint: true,
    createdFrom: month.from,
    createdTo: month.to,
    open: key === 'open',
    overdue: key === 'overdue',
    major: key === 'major',
  });
}

export const managerLinks = {
  slaReport: '/tickets/sla-report',
  rootCauses: '/tickets/reports',
  measuresOverdue: '/tickets/measures?mine=0&overdue=1',
} as const;

/** current − last, and which way it went. */
export function delta(
  current: number | null,
  last: number | null,
): { diff: number; dir: 'up' | 'down' | 'same' } | null {
  if (current === null || last === null) return null;
  const diff = Math.round((current - last) * 1000) / 1000;
  return { diff, dir: diff > 0 ? 'up' : diff < 0 ? 'down' : 'same' };
}

/** The pages most people open from the home page, in this order (the ones the user may open are shown). */
export const SHORTCUT_PATHS = [
  '/tickets/new',
  '/tickets/queue',
  '/customers',
  '/tickets/agents',
  '/tickets/at-risk',
  '/tickets/measures',
  '/tickets/reports',
  '/tickets/sla-report',
] as const;

/** At most this many shortcuts. */
export const MAX_SHORTCUTS = 6;
