import { isMessageKey, type Locale, type MessageKey, type MessageParams, t } from '@kefu/shared';

/** Entries a person wrote (a call, a visit…): their title is their own words. */
const CONTACT_KINDS = new Set(['call', 'email', 'visit', 'letter', 'fax', 'wechat', 'note']);

/** A stored system title: `customer.created`, or `ticket.created:GD0000009` (key, then the ticket number). */
const SYSTEM_TITLE = /^([a-z_]+\.[a-z_]+)(?::(.*))?$/;

export type TimelineRow = { kind: string; title: string; before: unknown; after: unknown };

const obj = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

const str = (value: unknown) => (typeof value === 'string' ? value : null);

function statusLabel(value: unknown) {
  const key = `label.ticket_status.${String(value)}`;
  return isMessageKey(key) ? { key } : str(value);
}

/**
 * What a timeline entry reads as, in `locale`: entries store a stable key (`customer.created`,
 * `ticket.status_changed:GD0000009`, a milestone type's name) and their snapshots; the title is
 * worded here, at read time, so old rows read well too. `titleKey` keeps the key for programs (null
 * for entries a person wrote). `milestoneName` names a milestone type by its key.
 */
export function timelineTitle(
  row: TimelineRow,
  locale: Locale,
  milestoneName: (typeKey: string) => string | undefined = () => undefined,
): { title: string; titleKey: string | null } {
  const before = obj(row.before);
  const after = obj(row.after);
  const match = SYSTEM_TITLE.exec(row.title);
  if (CONTACT_KINDS.has(row.kind) || (!match && row.kind !== 'milestone')) return { title: row.title, titleKey: null };
  if (!match) {
    // A milestone set: the title is the type's name when it was set.
    const typeKey = str(after.typeKey);
    const name = (typeKey && milestoneName(typeKey)) || row.title;
    return {
      title: t(locale, 'timeline.customer.milestone_set', { name, date: str(after.date) }),
      titleKey: 'customer.milestone_set',
    };
  }
  const [, base = '', number = null] = match;
  const key = `timeline.${base}`;
  if (!isMessageKey(key)) return { title: t(locale, 'timeline.other'), titleKey: base };
  const params: MessageParams = { number };
  if (base === 'ticket.status_changed') {
    params.from = statusLabel(before.status);
    params.to = statusLabel(after.status);
  }
  if (base === 'customer.milestone_removed') {
    const typeKey = str(before.typeKey);
    params.name = (typeKey && milestoneName(typeKey)) || typeKey;
    params.date = str(before.date);
  }
  return { title: t(locale, key as MessageKey, params), titleKey: base };
}

/** A page of entries with their titles worded in `locale` and the stored key beside them. */
export function wordTimeline<T extends TimelineRow>(rows: T[], locale: Locale, milestoneNames: Map<string, string>) {
  return rows.map((row) => ({ ...row, ...timelineTitle(row, locale, (key) => milestoneNames.get(key)) }));
}
