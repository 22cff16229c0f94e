import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { columnLetter, normaliseHeader, suggestMapping } from './import.fields.js';
import { csvRecords, decodeText } from './import.parse.js';
import { parseAmount, parseDate } from './import.rows.js';

describe('customer import: pure parts', () => {
  it('parses CSV records: quotes, doubled quotes, line breaks inside quotes, CRLF, other delimiters', () => {
    const rows = [...csvRecords('名称,备注\r\n"甲, 公司","说""好""的"\r\n乙,"两\n行"\r\n\r\n丙,')];
    expect(rows).toEqual([
      { row: 1, cells: ['名称', '备注'] },
      { row: 2, cells: ['甲, 公司', '说"好"的'] },
      { row: 3, cells: ['乙', '两\n行'] },
      { row: 4, cells: [''] },
      { row: 5, cells: ['丙', ''] },
    ]);
    expect([...csvRecords('名称;电话\n甲;021-1')][1]?.cells).toEqual(['甲', '021-1']);
    expect([...csvRecords('名称\t电话\n甲\t021-1')][1]?.cells).toEqual(['甲', '021-1']);
  });

  it('decodes UTF-8 with and without BOM, GBK, UTF-16; refuses binary', () => {
    expect(decodeText(Buffer.from('客户名称', 'utf8'))).toEqual({ text: '客户名称', encoding: 'utf-8' });
    expect(decodeText(Buffer.from('\uFEFF客户名称', 'utf8'))).toEqual({ text: '客户名称', encoding: 'utf-8-bom' });
    expect(decodeText(iconv.encode('客户名称,上海', 'gbk'))).toEqual({ text: '客户名称,上海', encoding: 'gb18030' });
    expect(decodeText(iconv.encode('\uFEFF客户', 'utf-16le')).text).toBe('客户');
    expect(() => decodeText(Buffer.from([0x00, 0x01, 0x02, 0xff]))).toThrow('customers.import_bad_encoding');
  });

  it('reads dates and amounts the way people type them', () => {
    expect(['2024-03-05', '2024/3/5', '2024.3.5', '2024年3月5日'].map(parseDate)).toEqual(Array(4).fill('2024-03-05'));
    expect([parseDate('2023-02-30'), parseDate('05/03/2024'), parseDate('')]).toEqual([null, null, null]);
    expect(['1,000,000', '¥500,000.50', '500万', '500万元', '1.2亿'].map(parseAmount)).toEqual([
      1e6, 500000.5, 5e6, 5e6, 1.2e8,
    ]);
    expect(parseAmount('五百万')).toBeNull();
  });

  it('matches headers however they are decorated, and names columns as a spreadsheet does', () => {
    expect(normaliseHeader(' 电话（必填）* ')).toBe('电话');
    expect(normaliseHeader('Postal_Code')).toBe('postalcode');
    expect(suggestMapping(['E-mail', '联系电话', '名称', '电话'], [])).toEqual({ email: 0, phone: 1, name: 2 });
    expect([0, 25, 26, 27, 701].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ']);
  });
});
