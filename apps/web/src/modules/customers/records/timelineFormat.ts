/**
 * How a timeline entry reads: which icon it gets, and the before → after rows of a change. Pure
 * (labels are looked up by the component), unit-tested.
 */
import type { TimelineEntry } from '../../../api/types';
import { diffJson } from '../../audit/jsonDiff';

export const CONTACT_KINDS = ['call', 'email', 'visit', 'letter', 'fax', 'wechat', 'note'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];

export const ENTRY_KINDS = [...CONTACT_KINDS, 'change', 'milestone', 'evaluation', 'handover', 'merge'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number] | 'other';

export function entryKind(entry: Pick<TimelineEntry, 'kind'>): EntryKind {
  return (ENTRY_KINDS as readonly string[]).includes(entry.kind) ? (entry.kind as EntryKind) : 'other';
}

/** Bookkeeping columns that change with every write and mean nothing to a reader. */
const HIDDEN_FIELDS = new Set([
  'id',
  'customerId',
  'version',
  'createdAt',
  'updatedAt',
  'createdBy',
  'phoneNormalized',
  'mergedIntoId',
  'searchText',
  'gradeChangedAt',
  // a merge entry names the merged-away customer in its text already
  'merged',
]);

export type ChangeRow = { field: string; before: unknown; after: unknown };

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The changed fields of an entry that carries both snapshots (a profile edit, a contact edit, a
 * merge, an evaluation). Entries with one side only (created, added, removed) have no rows.
 */
export function changeRows(entry: Pick<TimelineEntry, 'before' | 'after'>): ChangeRow[] {
  if (!isPlainObject(entry.before) || !isPlainObject(entry.after)) return [];
  return diffJson(entry.before, entry.after)
    .filter((row) => row.kind !== 'unchanged')
    .filter((row) => !HIDDEN_FIELDS.has(row.path.split('.')[0] ?? row.path))
    .filter((row) => !(isEmpty(row.before) && isEmpty(row.after)))
    .map((row) => ({ field: row.path, before: row.before, after: row.after }));
}

const isEmpty = (value: unknown) => value === undefined || value === null || value === '';

/** A value in a timeline row: blanks as a dash, lists joined, booleans and objects readable. */
export function formatChangeValue(
  value: unknown,
  yesNo: { yes: string; no: string } = { yes: '是', no: '否' },
  separator = '、',
): string {
  if (isEmpty(value)) return '—';
  if (typeof value === 'boolean') return value ? yesNo.yes : yesNo.no;
  if (Array.isArray(value)) {
    return value.length === 0 ? '—' : value.map((v) => formatChangeValue(v, yesNo, separator)).join(separator);
  }
  if (isPlainObject(value)) return JSON.stringify(value);
  return String(value);
}

/** Staff lists before/after a `customer.staff_changed` entry, as "name (role)" lines. */
export function staffSummary(list: unknown, nameOf: (userId: string) => string | undefined): string[] {
  if (!Array.isArray(list)) return [];
  return list
    .filter(
      (s): s is { userId: string; role: string; displayName?: string } =>
        isPlainObject(s) && typeof s.userId === 'string',
    )
    .map((s) => `${s.displayName || nameOf(s.userId) || s.userId.slice(0, 8)}|${s.role}`);
}

/** Grade before/after and the total of an evaluation entry. */
export function evaluationSummary(entry: Pick<TimelineEntry, 'before' | 'after'>) {
  const before = isPlainObject(entry.before) ? entry.before : {};
  const after = isPlainObject(entry.after) ? entry.after : {};
  return {
    gradeBefore: typeof before.grade === 'string' ? before.grade : null,
    gradeAfter: typeof after.grade === 'string' ? after.grade : null,
    totalScore: typeof after.totalScore === 'number' ? after.totalScore : null,
  };
}
