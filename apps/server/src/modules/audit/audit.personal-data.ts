/**
 * Personal data in audit entries: the fields masked in `before`, `after` and `details` for readers
 * below data scope `all`, and in every export (a file leaves Kefu's access control). Declared per
 * entity type; the common list applies to every type, at any depth (a contact inside a customer, a
 * list of contacts). A module that audits a new kind of personal field adds it here.
 */
const COMMON = [
  'phone',
  'phoneNormalized',
  'mobile',
  'fax',
  'email',
  'wechat',
  'address',
  'postalCode',
  'idNumber',
  'birthday',
  'contactName',
  'contactPhone',
  'contacts',
] as const;

export const PERSONAL_FIELDS: Readonly<Record<string, readonly string[]>> = {
  '*': COMMON,
  customer: [...COMMON, 'legalRepresentative'],
  ticket: COMMON,
  user: COMMON,
};

function fieldsOf(entityType: string): ReadonlySet<string> {
  return new Set(PERSONAL_FIELDS[entityType] ?? PERSONAL_FIELDS['*']);
}

const MASK = '***';

/**
 * Keeps enough of a value to tell two apart without revealing it: a phone 13812345678 becomes
 * 138****5678, an e-mail z***@example.com, other text its first character (of a long value, up
 * to three) and ***; anything else (numbers, dates, short values) just ***.
 */
export function maskText(value: string): string {
  const text = value.trim();
  const chars = [...text];
  if (chars.length < 4) return MASK;
  if (/^\d{4}-\d{1,2}-\d{1,2}/.test(text)) return MASK;
  const at = text.indexOf('@');
  if (at > 0) return `${chars[0]}${MASK}${text.slice(at)}`;
  const digits = text.replace(/[\s+()-]/g, '');
  if (/^\d{7,}$/.test(digits)) return `${digits.slice(0, 3)}${'*'.repeat(digits.length - 7)}${digits.slice(-4)}`;
  if (/^\d/.test(text)) return MASK;
  return `${chars.slice(0, Math.min(3, Math.floor(chars.length / 4))).join('') || chars[0]}${MASK}`;
}

function maskAll(value: unknown): unknown {
  if (value === null || value === undefined) return value;
  if (typeof value === 'string') return maskText(value);
  if (Array.isArray(value)) return value.map(maskAll);
  if (typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, maskAll(v)]));
  }
  return MASK;
}

function maskFields(value: unknown, fields: ReadonlySet<string>): unknown {
  if (value === null || value === undefined || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => maskFields(v, fields));
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([k, v]) => [
      k,
      fields.has(k) ? maskAll(v) : maskFields(v, fields),
    ]),
  );
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The entry with the personal fields of its entity type masked in before, after and details. A
 * field that changed keeps looking changed: when two different values mask alike (138****5678
 * before and after), the value before is masked entirely.
 */
export function maskPersonalData<T extends { entityType: string; before: unknown; after: unknown; details: unknown }>(
  entry: T,
): T {
  const fields = fieldsOf(entry.entityType);
  const before = maskFields(entry.before, fields);
  const after = maskFields(entry.after, fields);
  if (isRecord(before) && isRecord(after) && isRecord(entry.before) && isRecord(entry.after)) {
    for (const key of Object.keys(before)) {
      if (fields.has(key) && !same(entry.before[key], entry.after[key]) && same(before[key], after[key])) {
        before[key] = MASK;
      }
    }
  }
  return { ...entry, before, after, details: maskFields(entry.details, fields) };
}
