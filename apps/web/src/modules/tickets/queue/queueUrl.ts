/**
 * The queue page's address ↔ its state (design of issue 14): the tab, the one-click chips and the
 * filters a link may set, so that a count on the home page opens the queue already filtered and the
 * address always says what is on screen.
 *
 * `/tickets/queue?queue=mine|team|unassigned|watching|all&open=1&overdue=1&due=today|hour&complaint=1
 *  &major=1&createdFrom=YYYY-MM-DD&createdTo=YYYY-MM-DD&typeKey=..&assigneeId=..&priority=..&q=..`
 *
 * "mine" without `open` is open work only (`open=0` shows finished tickets too); every other tab
 * shows all tickets unless `open=1`. Pure, unit-tested (queueUrl.test.ts).
 */
import { QUEUES, type QueueKey } from '../core/types';
import { queueFrom } from './ticketQuery';

export const CHIPS = ['overdue', 'dueToday', 'complaint', 'major', 'open'] as const;
export type ChipKey = (typeof CHIPS)[number];

export type QueueChips = {
  open: boolean;
  overdue: boolean;
  /** `today` (the 今日到期 chip) or `hour` (from a link: due within the hour). */
  due?: 'today' | 'hour';
  complaint: boolean;
  major: boolean;
};

/** Filters of the search form a link may set. */
export const URL_FILTERS = ['q', 'typeKey', 'assigneeId', 'priority', 'createdFrom', 'createdTo'] as const;
export type UrlFilters = Partial<Record<(typeof URL_FILTERS)[number], string>>;

export type QueueUrlState = { queue: QueueKey; chips: QueueChips; filters: UrlFilters };

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const on = (value: string | null) => value === '1' || value === 'true';

/** The open chip's default: on in "mine" only. */
export const openByDefault = (queue: QueueKey) => queue === 'mine';

export function readQueueUrl(params: URLSearchParams): QueueUrlState {
  const queue = queueFrom(params.get('queue'));
  const open = params.get('open');
  const due = params.get('due');
  const filters: UrlFilters = {};
  for (const key of URL_FILTERS) {
    const value = params.get(key)?.trim();
    if (!value) continue;
    if ((key === 'createdFrom' || key === 'createdTo') && !DATE.test(value)) continue;
    filters[key] = value;
  }
  return {
    queue,
    chips: {
      open: open === null ? openByDefault(queue) : on(open),
      overdue: on(params.get('overdue')),
      ...(due === 'today' || due === 'hour' ? { due } : {}),
      complaint: on(params.get('complaint')),
      major: on(params.get('major')),
    },
    filters,
  };
}

/** The canonical address of a state: defaults left out (plain "mine" = no parameters at all). */
export function writeQueueUrl(state: QueueUrlState): URLSearchParams {
  const params = new URLSearchParams();
  const { queue, chips, filters } = state;
  if (queue !== 'mine' && (QUEUES as readonly string[]).includes(queue)) params.set('queue', queue);
  if (chips.open !== openByDefault(queue)) params.set('open', chips.open ? '1' : '0');
  if (chips.overdue) params.set('overdue', '1');
  if (chips.due) params.set('due', chips.due);
  if (chips.complaint) params.set('complaint', '1');
  if (chips.major) params.set('major', '1');
  for (const key of URL_FILTERS) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  return params;
}

export function chipActive(chips: QueueChips, chip: ChipKey): boolean {
  return chip === 'dueToday' ? chips.due === 'today' : chips[chip];
}

/** Turns a chip on or off; overdue and due today exclude each other (a due ticket is not overdue). */
export function toggleChip(chips: QueueChips, chip: ChipKey): QueueChips {
  const next = { ...chips };
  if (chip === 'dueToday') {
    if (next.due === 'today') delete next.due;
    else {
      next.due = 'today';
      next.overdue = false;
    }
    return next;
  }
  next[chip] = !next[chip];
  if (chip === 'overdue' && next.overdue) delete next.due;
  return next;
}

/** The chips as the API's query (`true` strings; nothing for a chip that is off). */
export function chipQuery(chips: QueueChips): {
  open?: 'true';
  overdue?: 'true';
  due?: 'today' | 'hour';
  complaint?: 'true';
  major?: 'true';
} {
  return {
    ...(chips.open ? { open: 'true' as const } : {}),
    ...(chips.overdue ? { overdue: 'true' as const } : {}),
    ...(chips.due ? { due: chips.due } : {}),
    ...(chips.complaint ? { complaint: 'true' as const } : {}),
    ...(chips.major ? { major: 'true' as const } : {}),
  };
}

/** The search form's initial values from the address (the created range as a pair of dates). */
export function formValuesFrom(filters: UrlFilters): Record<string, unknown> {
  const { createdFrom, createdTo, priority, ...rest } = filters;
  return {
    ...rest,
    ...(priority ? { priority: priority.split(',') } : {}),
    ...(createdFrom || createdTo ? { created: [createdFrom, createdTo] } : {}),
  };
}

/** The address's filters from the API query the form produced (toTicketFilters). */
export function urlFiltersFrom(query: Record<string, unknown>): UrlFilters {
  const filters: UrlFilters = {};
  for (const key of URL_FILTERS) {
    const value = query[key];
    if (typeof value === 'string' && value !== '') filters[key] = value;
  }
  return filters;
}
