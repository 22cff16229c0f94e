import { describe, expect, it } from 'vitest';
import { changeRows, entryKind, evaluationSummary, formatChangeValue, staffSummary } from './timelineFormat';

describe('entryKind', () => {
  it('knows the contact and system kinds and falls back to other', () => {
    expect(entryKind({ kind: 'call' })).toBe('call');
    expect(entryKind({ kind: 'merge' })).toBe('merge');
    expect(entryKind({ kind: 'ticket' })).toBe('other');
  });
});

describe('changeRows', () => {
  it('lists changed fields, nested custom fields included, and hides bookkeeping', () => {
    const rows = changeRows({
      before: { name: '华信', phone: null, version: 2, customFields: { industry: 'medical', size: 3 }, isKey: false },
      after: {
        name: '华信医疗',
        phone: '021-1',
        version: 3,
        customFields: { industry: 'travel', size: 3 },
        isKey: false,
      },
    });
    expect(rows).toEqual([
      { field: 'customFields.industry', before: 'medical', after: 'travel' },
      { field: 'name', before: '华信', after: '华信医疗' },
      { field: 'phone', before: null, after: '021-1' },
    ]);
  });

  it('has no rows when one side is missing or both sides are blank', () => {
    expect(changeRows({ before: null, after: { name: 'x' } })).toEqual([]);
    expect(changeRows({ before: { notes: null }, after: { notes: '' } })).toEqual([]);
  });
});

describe('formatChangeValue', () => {
  it('makes values readable', () => {
    expect(formatChangeValue(null)).toBe('—');
    expect(formatChangeValue(true)).toBe('是');
    expect(formatChangeValue(false, { yes: 'Yes', no: 'No' })).toBe('No');
    expect(formatChangeValue(['a', 'b'])).toBe('a、b');
    expect(formatChangeValue([])).toBe('—');
    expect(formatChangeValue(12.5)).toBe('12.5');
  });
});

describe('staffSummary and evaluationSummary', () => {
  it('names staff from the entry or the lookup', () => {
    const names = new Map([['u2', '刘洋']]);
    expect(
      staffSummary(
        [
          { userId: 'u1', role: 'owner', displayName: '王芳' },
          { userId: 'u2', role: 'backup' },
          { userId: 'u3abcdefgh', role: 'sales' },
        ],
        (id) => names.get(id),
      ),
    ).toEqual(['王芳|owner', '刘洋|backup', 'u3abcdef|sales']);
    expect(staffSummary(null, () => undefined)).toEqual([]);
  });

  it('reads grades and the total', () => {
    expect(evaluationSummary({ before: { grade: 'B' }, after: { grade: 'A', totalScore: 88.5 } })).toEqual({
      gradeBefore: 'B',
      gradeAfter: 'A',
      totalScore: 88.5,
    });
    expect(evaluationSummary({ before: { grade: null }, after: null })).toEqual({
      gradeBefore: null,
      gradeAfter: null,
      totalScore: null,
    });
  });
});

describe('changeRows of a merge', () => {
  it('shows the filled fields, not the merged customer (already in the text)', () => {
    expect(
      changeRows({
        before: { email: null },
        after: { email: 'a@b.cn', merged: { id: 'x', code: 'KH1', name: '重复客户' } },
      }),
    ).toEqual([{ field: 'email', before: null, after: 'a@b.cn' }]);
  });
});
