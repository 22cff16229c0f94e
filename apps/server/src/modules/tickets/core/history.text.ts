import { isMessageKey, type Locale, type MessageKey, type MessageParams, t } from '@kefu/shared';
import { FACT_LABELS, type FactItem } from './tickets.protocol.js';

/**
 * How a ticket history entry reads, in the reader's language: entries store a stable action
 * (`assigned`, `transition:resolve`…), a note (`manual` — the assignment strategy —, `bulk`, or a
 * person's words) and before/after snapshots; here they become a title, a note and labelled
 * changes with human values for statuses, priorities, channels and yes/no. Pure, unit-tested.
 */
export type HistoryRow = { action: string; before: unknown; after: unknown; note: string | null };

export type HistoryChange = {
  field: string;
  label: string;
  before: unknown;
  after: unknown;
  /** The value in words when the server knows it (a status, a channel, yes/no…); null: format it yourself (ids, dates). */
  beforeText: string | null;
  afterText: string | null;
};

/** Bookkeeping that means nothing to a reader. */
const HIDDEN = new Set(['id', 'version', 'updatedAt', 'measureId', 'ticketId', 'mergedIntoId', 'sourceId']);
const STRATEGIES = new Set(['manual', 'round_robin', 'least_loaded', 'unassign', 'take']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function flatten(value: unknown, prefix = '', out = new Map<string, unknown>()) {
  if (!isPlainObject(value)) return out;
  for (const [key, child] of Object.entries(value)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (isPlainObject(child) && Object.keys(child).length > 0) flatten(child, path, out);
    else out.set(path, child);
  }
  return out;
}

function keyIf(key: string): MessageKey | null {
  return isMessageKey(key) ? key : null;
}

function fieldLabel(locale: Locale, path: string): string {
  const [head = path, ...rest] = path.split('.');
  if (head === 'facts' && rest.length === 1 && rest[0] && rest[0] in FACT_LABELS) {
    return FACT_LABELS[rest[0] as FactItem][locale];
  }
  const key = keyIf(`label.ticket_field.${head}`);
  const label = key ? t(locale, key) : head;
  return rest.length > 0 ? `${label} · ${rest.join('.')}` : label;
}

function valueText(locale: Locale, field: string, value: unknown): string | null {
  if (value === null || value === undefined || value === '') return t(locale, 'label.none');
  if (typeof value === 'boolean') return t(locale, value ? 'label.yes' : 'label.no');
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string' || UUID.test(value) || ISO.test(value)) return null;
  const head = field.split('.')[0];
  const key =
    head === 'status'
      ? (keyIf(`label.ticket_status.${value}`) ?? keyIf(`label.measure_status.${value}`))
      : head === 'priority' || head === 'channel'
        ? keyIf(`label.${head}.${value}`)
        : head === 'waitingOn'
          ? keyIf(`label.waiting_on.${value}`)
          : null;
  if (key) return t(locale, key);
  // Keys (ticket type, root cause) are named by the web from its settings lists.
  return head === 'typeKey' || head === 'rootCauseKey' ? null : value;
}

export function historyChanges(locale: Locale, before: unknown, after: unknown): HistoryChange[] {
  const left = flatten(before);
  const right = flatten(after);
  const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
  return [...new Set([...left.keys(), ...right.keys()])]
    .filter((field) => !HIDDEN.has(field.split('.')[0] ?? field) && !same(left.get(field), right.get(field)))
    .map((field) => {
      const a = left.get(field) ?? null;
      const b = right.get(field) ?? null;
      return {
        field,
        label: fieldLabel(locale, field),
        before: a,
        after: b,
        beforeText: valueText(locale, field, a),
        afterText: valueText(locale, field, b),
      };
    });
}

export function historyTitle(locale: Locale, row: HistoryRow): string {
  const before = isPlainObject(row.before) ? row.before : {};
  const after = isPlainObject(row.after) ? row.after : {};
  const transition = /^transition:(\w+)$/.exec(row.action);
  if (transition) {
    const action = keyIf(`label.ticket_action.${transition[1]}`);
    return t(locale, 'history.transition', { action: action ? { key: action } : (transition[1] ?? '') });
  }
  const key = keyIf(`history.${row.action}`);
  if (!key || row.action.startsWith('note.')) return t(locale, 'history.other');
  const params: MessageParams = {
    number: (after.number ?? before.number ?? after.targetNumber ?? after.sourceNumber ?? null) as string | null,
  };
  return t(locale, key, params);
}

/** The note in words: `manual` / `assign:manual` (how it was assigned), `bulk`, or a person's text. */
export function historyNote(locale: Locale, row: HistoryRow): string | null {
  if (!row.note) return null;
  const strategy = /^(?:assign:)?(\w+)$/.exec(row.note)?.[1];
  if (row.action === 'assigned' && strategy && STRATEGIES.has(strategy)) {
    return t(locale, 'history.note.assign', { strategy: { key: `label.assign_strategy.${strategy}` as MessageKey } });
  }
  if (row.note === 'bulk') return t(locale, 'history.note.bulk');
  if (row.action === 'created' && row.note.startsWith('callback:')) return t(locale, 'history.note.from_callback');
  if (row.action === 'waiting' && row.note === 'auto') return t(locale, 'history.note.waiting_auto');
  return row.note;
}

/** A history entry in words: title, note and labelled changes. */
export function wordHistoryEntry(locale: Locale, row: HistoryRow) {
  return {
    title: historyTitle(locale, row),
    noteText: historyNote(locale, row),
    changes: historyChanges(locale, row.before, row.after),
  };
}
