import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { cfName, cfValue, dayRange, toCustomerFilters, toCustomerQuery } from './customerQuery';

describe('toCustomerFilters', () => {
  it('drops blanks and maps grades, flags and custom fields', () => {
    expect(
      toCustomerFilters({
        q: '  华信 ',
        kind: 'company',
        grade: ['B', 'A', 'A', 'X'],
        categoryKey: '',
        ownerId: 'u1',
        region: ' 上海 ',
        isKey: 'true',
        [cfName('industry')]: 'medical',
        [cfName('annual_purchase')]: 20,
        [cfName('notes')]: '',
        _timestamp: 123,
      }),
    ).toEqual({
      q: '华信',
      kind: 'company',
      grade: 'A,B',
      ownerId: 'u1',
      region: '上海',
      isKey: 'true',
      cf: ['annual_purchase:20', 'industry:medical'],
    });
  });

  it('turns the update range into whole days', () => {
    const filters = toCustomerFilters({ updated: ['2026-03-01', '2026-03-31'] });
    expect(dayjs(filters.updatedFrom).format('YYYY-MM-DD HH:mm')).toBe('2026-03-01 00:00');
    expect(dayjs(filters.updatedTo).format('YYYY-MM-DD HH:mm:ss')).toBe('2026-03-31 23:59:59');
  });

  it('accepts a single grade and ignores an invalid kind or flag', () => {
    expect(toCustomerFilters({ grade: 'C', kind: 'robot', isKey: true })).toEqual({ grade: 'C' });
  });
});

describe('cfValue and dayRange', () => {
  it('formats dates and takes the first of a list', () => {
    expect(cfValue(dayjs('2026-05-04T10:00:00'))).toBe('2026-05-04');
    expect(cfValue(['vip', 'x'])).toBe('vip');
    expect(cfValue('  ')).toBeUndefined();
    expect(cfValue(0)).toBe('0');
    expect(dayRange(undefined)).toEqual({});
  });
});

describe('toCustomerQuery', () => {
  it('adds paging and the sort of the table', () => {
    expect(
      toCustomerQuery({ current: 3, pageSize: 50, keyword: 'ignored', kind: 'person' }, { updatedAt: 'descend' }),
    ).toEqual({
      page: 3,
      pageSize: 50,
      sort: '-updatedAt',
      kind: 'person',
    });
    expect(toCustomerQuery({})).toEqual({ page: 1, pageSize: 20 });
  });
});
