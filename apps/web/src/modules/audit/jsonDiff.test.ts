import { describe, expect, it } from 'vitest';
import { diffJson, flatten, formatValue } from './jsonDiff';

describe('flatten', () => {
  it('turns nested objects into dotted paths and keeps arrays whole', () => {
    expect([...flatten({ a: 1, b: { c: 'x', d: [1, 2] }, e: {} })]).toEqual([
      ['a', 1],
      ['b.c', 'x'],
      ['b.d', [1, 2]],
      ['e', {}],
    ]);
  });
  it('ignores null snapshots', () => {
    expect(flatten(null).size).toBe(0);
  });
});

describe('diffJson', () => {
  it('lists changes first, then additions, removals and unchanged fields', () => {
    const rows = diffJson(
      { displayName: '张三', isActive: true, email: 'a@x.cn', role: { key: 'agent' } },
      { displayName: '张三丰', isActive: true, phone: '1380000', role: { key: 'supervisor' } },
    );
    expect(rows.map((r) => [r.path, r.kind])).toEqual([
      ['displayName', 'changed'],
      ['role.key', 'changed'],
      ['phone', 'added'],
      ['email', 'removed'],
      ['isActive', 'unchanged'],
    ]);
  });

  it('shows a creation as all additions and a deletion as all removals', () => {
    expect(diffJson(null, { name: 'x' })).toEqual([{ path: 'name', before: undefined, after: 'x', kind: 'added' }]);
    expect(diffJson({ name: 'x' }, null)[0]?.kind).toBe('removed');
  });
});

describe('formatValue', () => {
  it('prints strings as they are and everything else as JSON', () => {
    expect(formatValue('a')).toBe('a');
    expect(formatValue([1])).toBe('[1]');
    expect(formatValue(null)).toBe('null');
    expect(formatValue(undefined)).toBe('');
  });
});
