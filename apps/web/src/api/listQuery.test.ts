import { describe, expect, it } from 'vitest';
import { toListQuery, toSortParam } from './listQuery';

describe('toSortParam', () => {
  it('turns ProTable sorting into the API sort string', () => {
    expect(toSortParam({ createdAt: 'descend', username: 'ascend' })).toBe('-createdAt,username');
    expect(toSortParam({ createdAt: null })).toBeUndefined();
    expect(toSortParam(undefined)).toBeUndefined();
  });
});

describe('toListQuery', () => {
  it('maps paging, drops empty filters and trims text', () => {
    expect(
      toListQuery(
        { current: 3, pageSize: 50, keyword: 'x', q: '  alice ', roleKey: '', departmentId: undefined },
        {
          lastLoginAt: 'descend',
        },
      ),
    ).toEqual({ page: 3, pageSize: 50, sort: '-lastLoginAt', q: 'alice' });
  });

  it('defaults to the first page of 20', () => {
    expect(toListQuery({})).toEqual({ page: 1, pageSize: 20 });
  });
});
