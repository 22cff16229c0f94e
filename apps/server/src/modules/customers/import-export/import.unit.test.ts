import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { CsvParser, type RawRow } from '../../../lib/files/csv.js';
import { DEFAULT_FILE_LIMITS } from '../../../lib/files/limits.js';
import { decodeChunks, sniffEncoding } from '../../../lib/files/text.js';
import { columnLetter, normaliseHeader, suggestMapping } from './import.fields.js';
import { identifyFile, inspectFile } from './import.parse.js';
import { parseAmount, parseDate } from './import.rows.js';

/** CSV records of `text`, fed to the streaming parser in pieces of `step` characters. */
function csvRecords(text: string, step = text.length || 1): RawRow[] {
  const parser = new CsvParser(DEFAULT_FILE_LIMITS);
  const out: RawRow[] = [];
  for (let at = 0; at < text.length; at += step) parser.push(text.slice(at, at + step), out);
  parser.end(out);
  return out;
}

/** The whole text of `bytes` in the encoding they are recognised as, decoded in 3-byte steps. */
function decodeText(bytes: Buffer) {
  const encoding = sniffEncoding(bytes);
  return { text: [...decodeChunks(bytes, encoding, 3)].join(''), encoding };
}

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

  it('parses the same records wherever the text is cut into pieces', () => {
    const text = '名称,备注\r\n"甲, 公司","说""好""的"\r\n乙,"两\r\n行"\r\n\r\n丙,\n"末""尾"';
    const whole = csvRecords(text);
    for (let step = 1; step < text.length; step += 1) expect(csvRecords(text, step)).toEqual(whole);
  });

  it('decodes UTF-8 with and without BOM, GBK, UTF-16; refuses binary', () => {
    expect(decodeText(Buffer.from('客户名称', 'utf8'))).toEqual({ text: '客户名称', encoding: 'utf-8' });
    expect(decodeText(Buffer.from('\uFEFF客户名称', 'utf8'))).toEqual({ text: '客户名称', encoding: 'utf-8-bom' });
    expect(decodeText(iconv.encode('客户名称,上海', 'gbk'))).toEqual({ text: '客户名称,上海', encoding: 'gb18030' });
    expect(decodeText(iconv.encode('\uFEFF客户', 'utf-16le')).text).toBe('客户');
    expect(decodeText(Buffer.from('客户𠀀𪚥😀', 'utf8')).text).toBe('客户𠀀𪚥😀'); // split in 3-byte steps
  });

  it('refuses binary and undecodable text, keeps a U+FFFD that is really in the file', async () => {
    const inspect = (bytes: Buffer) => inspectFile(identifyFile(bytes, 'x.csv'));
    await expect(inspect(Buffer.from([0x00, 0x01, 0x02, 0xff]))).rejects.toThrow('customers.import_bad_encoding');
    await expect(inspect(iconv.encode('名称\r\n甲\r\n', 'gbk'))).resolves.toMatchObject({ sample: [['甲']] });
    // GB18030 bytes that do not decode (0x81 0x20) would have become U+FFFD: refused.
    const broken = Buffer.concat([iconv.encode('名称\r\n甲', 'gbk'), Buffer.from([0x81, 0x20]), Buffer.from('\r\n')]);
    await expect(inspect(broken)).rejects.toThrow('customers.import_bad_encoding');
    // A U+FFFD encoded in the file (GB18030 or UTF-8) is text like any other.
    const genuine = iconv.encode('名称\r\n甲\uFFFD乙\r\n', 'gb18030');
    await expect(inspect(genuine)).resolves.toMatchObject({ sample: [['甲\uFFFD乙']] });
    await expect(inspect(Buffer.from('名称\r\n甲\uFFFD\r\n'))).resolves.toMatchObject({ sample: [['甲\uFFFD']] });
  });

  it('bounds a CSV while reading it: cell length and columns, with row and column in the error', async () => {
    const inspect = (text: string) => inspectFile(identifyFile(Buffer.from(text), 'x.csv'));
    const long = await inspect(`名称,备注\r\n甲,"${'长'.repeat(32_768)}"\r\n`).catch((e: unknown) => e);
    expect(long).toMatchObject({
      code: 'files.cell_too_long',
      status: 413,
      params: { row: 2, column: 'B', limit: 32_767 },
    });
    await expect(inspect(`名称\r\n${'甲'.repeat(32_767)}\r\n`)).resolves.toMatchObject({ total: 1 });
    const wide = await inspect(`名称\r\n${'x,'.repeat(256)}x\r\n`).catch((e: unknown) => e);
    expect(wide).toMatchObject({ code: 'files.too_many_columns', params: { row: 2, column: 'IW', limit: 256 } });
    // Empty cells beyond the last column are not data: a row of commas is fine.
    await expect(inspect(`名称${','.repeat(10_000)}\r\n甲\r\n`)).resolves.toMatchObject({ total: 1 });
  });

  it('cuts headers and sample cells sent back to the browser', async () => {
    const bytes = Buffer.from(`${'名'.repeat(5000)}\r\n${'甲'.repeat(30_000)}\r\n`);
    const { headers, sample } = await inspectFile(identifyFile(bytes, 'x.csv'));
    expect(headers[0]).toHaveLength(200);
    expect(sample[0]?.[0]).toBe(`${'甲'.repeat(199)}…`);
  });

  it('refuses more data rows than the configured limit, naming the row', async () => {
    const bytes = Buffer.from(`名称\r\n${'甲\r\n\r\n'.repeat(11)}`);
    const file = identifyFile(bytes, 'x.csv');
    await expect(inspectFile(file, { ...DEFAULT_FILE_LIMITS, maxRows: 11 })).resolves.toMatchObject({ total: 11 });
    const over = await inspectFile(file, { ...DEFAULT_FILE_LIMITS, maxRows: 10 }).catch((e: unknown) => e);
    expect(over).toMatchObject({ code: 'files.too_many_rows', params: { limit: 10, row: 22 } });
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
