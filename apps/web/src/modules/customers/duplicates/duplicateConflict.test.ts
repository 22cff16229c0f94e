import { describe, expect, it } from 'vitest';
import { duplicatesOf, isDuplicateCode } from './duplicateConflict';

describe('duplicate warning', () => {
  it('reads named candidates and, without identity, the ones owned by another team', () => {
    expect(isDuplicateCode('customers.possible_duplicate')).toBe(true);
    expect(isDuplicateCode('customers.duplicate_elsewhere')).toBe(true);
    expect(isDuplicateCode('customers.not_found')).toBe(false);
    expect(
      duplicatesOf({
        duplicates: [{ id: 'c1', code: 'KH000001', name: '上海华信', reasons: ['phone'] }, { bogus: true }],
        elsewhere: [{ reasons: ['email'], contacts: ['刘主管'] }, { reasons: ['phone'] }, 'x'],
      }),
    ).toEqual({
      duplicates: [{ id: 'c1', code: 'KH000001', name: '上海华信', reasons: ['phone'] }],
      elsewhere: [
        { reasons: ['email'], contacts: ['刘主管'] },
        { reasons: ['phone'], contacts: [] },
      ],
    });
    expect(duplicatesOf({})).toEqual({ duplicates: [], elsewhere: [] });
  });
});
