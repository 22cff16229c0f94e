import { describe, expect, it } from 'vitest';
import { toContactBody, toCreateBody, toCustomFields, toUpdateBody } from './customerForm';
import { formatCustomValue } from './customFieldFormat';

describe('toCreateBody', () => {
  it('trims, nulls blanks, keeps contacts of a company and marks the first one primary', () => {
    const body = toCreateBody({
      kind: 'company',
      name: ' 华东医疗 ',
      phone: ' 021-62345678 ',
      email: '',
      legalRepresentative: '陈华',
      registeredCapital: 500,
      ownerId: 'u1',
      backupId: 'u2',
      customFields: { industry: 'medical', note: '  ', tags: [] },
      contacts: [{ name: '周建平', mobile: '13916620101' }, { name: ' ' }, { name: '林晓燕', title: '采购' }],
    });
    expect(body).toMatchObject({
      kind: 'company',
      name: '华东医疗',
      phone: '021-62345678',
      email: null,
      legalRepresentative: '陈华',
      registeredCapital: 500,
      ownerId: 'u1',
      staff: [{ userId: 'u2', role: 'backup' }],
      customFields: { industry: 'medical', note: null, tags: null },
    });
    expect(body.contacts?.map((c) => [c.name, c.isPrimary])).toEqual([
      ['周建平', true],
      ['林晓燕', false],
    ]);
    expect(body.ignoreDuplicates).toBeUndefined();
    expect(toCreateBody({ kind: 'person', name: 'x' }, true).ignoreDuplicates).toBe(true);
  });

  it('drops company-only fields and contacts for a person', () => {
    const body = toCreateBody({
      kind: 'person',
      name: '张明',
      legalRepresentative: 'x',
      registeredCapital: 1,
      birthday: '1990-01-02',
      contacts: [{ name: 'y' }],
      backupId: 'u1',
      ownerId: 'u1',
    });
    expect(body).toMatchObject({
      legalRepresentative: null,
      registeredCapital: null,
      birthday: '1990-01-02',
      contacts: [],
    });
    expect(body.staff).toBeUndefined();
  });
});

describe('toUpdateBody and helpers', () => {
  it('sends the version and clears the owner explicitly', () => {
    expect(toUpdateBody({ kind: 'company', name: 'A' }, 4)).toMatchObject({
      version: 4,
      ownerId: null,
      birthday: null,
    });
  });

  it('builds contact bodies and custom fields', () => {
    expect(toContactBody({ name: ' 林 ', email: ' ' })).toMatchObject({ name: '林', email: null, isPrimary: false });
    expect(toCustomFields({ a: undefined, b: 3, c: ['x'] })).toEqual({ b: 3, c: ['x'] });
  });

  it('formats custom values with option labels', () => {
    const field = {
      type: 'multi_select' as const,
      options: [{ value: 'm', label: '医疗', labelZh: '医疗', labelEn: null }],
    };
    expect(formatCustomValue(field, ['m', 'z'])).toBe('医疗、z');
    expect(formatCustomValue({ type: 'number', options: [] }, 0)).toBe('0');
    expect(formatCustomValue({ type: 'text', options: [] }, null)).toBe('-');
  });
});
