import { describe, expect, it } from 'vitest';
import { byColumn, columnLetter, isBusy, missingRequired, problemsCsv, toMapping } from './importHelpers';

describe('mapping helpers', () => {
  it('names columns like a spreadsheet', () => {
    expect([0, 25, 26, 27, 701].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ']);
  });

  it('turns field→column into column→field and back, dropping blanks and repeats', () => {
    expect(byColumn({ name: 0, phone: 2 })).toEqual({ 0: 'name', 2: 'phone' });
    expect(toMapping({ 0: 'name', 1: undefined, 2: 'phone', 3: 'phone' })).toEqual({ name: 0, phone: 2 });
  });

  it('lists required fields without a column', () => {
    const fields = [
      { key: 'name', label: '客户名称', required: true, custom: false },
      { key: 'phone', label: '电话', required: false, custom: false },
      { key: 'customFields.industry', label: '所属行业', required: true, custom: true },
    ];
    expect(missingRequired(fields, { name: 0 }).map((f) => f.key)).toEqual(['customFields.industry']);
  });

  it('knows when an import is still working', () => {
    expect(isBusy('queued')).toBe(true);
    expect(isBusy('running')).toBe(true);
    expect(isBusy('validated')).toBe(false);
  });
});

describe('problemsCsv', () => {
  it('writes a BOM, a header and rows in row order, quoting where needed', () => {
    const csv = problemsCsv(
      {
        errors: [
          { row: 5, field: 'phone', column: 'C 电话', reason: 'invalid_phone', message: '电话 "12" 无效, 请检查' },
        ],
        duplicates: [{ row: 3, field: 'email', column: null, inFileRow: 2, message: '与第 2 行重复' }],
      },
      { row: '行', column: '列', kind: '类型', message: '说明', error: '错误', duplicate: '重复' },
    );
    expect(csv.startsWith('\uFEFF行,列,类型,说明\r\n')).toBe(true);
    expect(csv.split('\r\n').slice(1, 3)).toEqual([
      '3,,重复,与第 2 行重复',
      '5,C 电话,错误,"电话 ""12"" 无效, 请检查"',
    ]);
  });
});
