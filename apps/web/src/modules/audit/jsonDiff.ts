/** Field-level diff of an audit entry's `before`/`after` snapshots. Pure; unit-tested. */
export type DiffKind = 'added' | 'removed' | 'changed' | 'unchanged';
export type DiffRow = { path: string; before: unknown; after: unknown; kind: DiffKind };

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Nested objects become dotted paths; arrays and scalars are leaf values. */
export function flatten(value: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (!isPlainObject(value)) {
    if (value !== undefined && value !== null) out.set(prefix || '(value)', value);
    return out;
  }
  for (const [key, child] of Object.entries(value)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (isPlainObject(child) && Object.keys(child).length > 0) {
      for (const [childPath, leaf] of flatten(child, path)) out.set(childPath, leaf);
    } else {
      out.set(path, child);
    }
  }
  return out;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function diffJson(before: unknown, after: unknown): DiffRow[] {
  const left = flatten(before);
  const right = flatten(after);
  const paths = [...new Set([...left.keys(), ...right.keys()])];
  const rank: Record<DiffKind, number> = { changed: 0, added: 1, removed: 2, unchanged: 3 };
  return paths
    .map((path): DiffRow => {
      const a = left.get(path);
      const b = right.get(path);
      const kind: DiffKind = !left.has(path)
        ? 'added'
        : !right.has(path)
          ? 'removed'
          : same(a, b)
            ? 'unchanged'
            : 'changed';
      return { path, before: a, after: b, kind };
    })
    .sort((x, y) => rank[x.kind] - rank[y.kind] || x.path.localeCompare(y.path));
}

export function formatValue(value: unknown): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}
