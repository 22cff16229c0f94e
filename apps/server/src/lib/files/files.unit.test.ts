import { describe, expect, it } from 'vitest';
import {
  deflated,
  deflatedRepeat,
  inlineRow,
  SHEET_HEAD,
  SHEET_TAIL,
  SST_HEAD,
  xlsxFromParts,
} from '../../../test/customer-import-fixtures.js';
import { identifyFile, inspectFile } from '../../modules/customers/import-export/import.parse.js';
import { DEFAULT_FILE_LIMITS, FileEncodingError, FileFormatError, type FileLimits } from './limits.js';
import { readTable } from './table.js';

const MiB = 1024 * 1024;

async function read(bytes: Buffer, limits: FileLimits = DEFAULT_FILE_LIMITS) {
  const rows: string[][] = [];
  for await (const batch of readTable({ bytes, format: 'xlsx' }, limits)) for (const r of batch) rows.push(r.cells);
  return rows;
}
const failure = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => e,
  );
const sheetOf = (xml: string) => xlsxFromParts({ sheet: deflated(`${SHEET_HEAD}${xml}${SHEET_TAIL}`) });

describe('lib/files: bounded reading of zip and xlsx', () => {
  it('counts inflated bytes: a header that understates the size is refused after the declared size', async () => {
    const rows = '<row><c><v>1</v></c></row>'.repeat(40_000);
    const sheet = deflatedRepeat(`${SHEET_HEAD}${inlineRow(1, ['名称'])}`, rows, 64, SHEET_TAIL);
    const limits = { ...DEFAULT_FILE_LIMITS, maxRows: 1e9, maxCompressionRatio: 1e9 };
    const lying = xlsxFromParts({ sheet: { ...sheet, declaredSize: 100 * 1024 } });
    expect(await failure(read(lying, limits))).toBeInstanceOf(FileFormatError);
    // Honest header, smaller limit: the count stops it, naming the part and the limit.
    limits.maxEntryBytes = 8 * MiB;
    const honest = xlsxFromParts({ sheet: { ...sheet, declaredSize: 4 * MiB } });
    expect(await failure(read(honest, limits))).toBeInstanceOf(FileFormatError);
    expect(await failure(read(xlsxFromParts({ sheet }), limits))).toMatchObject({
      code: 'files.entry_too_large',
      params: { entry: 'xl/worksheets/sheet1.xml', limit: '8 MB' },
    });
  });

  it('refuses an implausible compression ratio', async () => {
    const sheet = deflatedRepeat(
      `${SHEET_HEAD}${inlineRow(1, ['名称'])}<row r="2"><c r="A2"><v>`,
      '1'.repeat(MiB),
      8,
      `</v></c></row>${SHEET_TAIL}`,
    );
    expect(await failure(read(xlsxFromParts({ sheet })))).toMatchObject({
      code: 'files.compression_ratio',
      params: { limit: 200 },
    });
  });

  it('refuses a long cell while saxes still buffers it, and a long shared string', async () => {
    const cell = await failure(
      read(sheetOf(`${inlineRow(1, ['名称', '备注'])}${inlineRow(2, ['甲', '长'.repeat(200_000)])}`)),
    );
    expect(cell).toMatchObject({ code: 'files.cell_too_long', params: { row: 2, column: 'B', limit: 32_767 } });
    const sst = deflated(`${SST_HEAD}<si><t>甲</t></si><si><r><t>${'长'.repeat(40_000)}</t></r></si></sst>`);
    const sheet = deflated(`${SHEET_HEAD}<row r="1"><c r="A1" t="s"><v>0</v></c></row>${SHEET_TAIL}`);
    expect(await failure(read(xlsxFromParts({ sheet, sharedStrings: sst })))).toMatchObject({
      code: 'files.shared_string_too_long',
      params: { index: 2 },
    });
  });

  it('refuses data beyond the column limit, ignores empty cells there', async () => {
    const far = await failure(read(sheetOf(`${inlineRow(1, ['名称'])}<row r="2"><c r="XFD2"><v>1</v></c></row>`)));
    expect(far).toMatchObject({ code: 'files.too_many_columns', params: { row: 2, column: 'XFD', limit: 256 } });
    const rows = await read(
      sheetOf(`${inlineRow(1, ['名称'])}<row r="2"><c r="A2"><v>1</v></c><c r="XFD2" s="1"/></row>`),
    );
    expect(rows).toEqual([['名称'], ['1']]);
  });

  it('refuses invalid UTF-8 in a sheet instead of storing U+FFFD, naming the part and row', async () => {
    const xml = Buffer.concat([
      Buffer.from(
        `${SHEET_HEAD}${inlineRow(1, ['名称'])}${inlineRow(2, ['甲'])}<row r="3"><c r="A3" t="inlineStr"><is><t>乙`,
      ),
      Buffer.from([0xe5, 0xae]), // a cut-off character
      Buffer.from(`</t></is></c></row>${SHEET_TAIL}`),
    ]);
    const error = await failure(read(xlsxFromParts({ sheet: deflated(xml) })));
    expect(error).toBeInstanceOf(FileEncodingError);
    const view = await failure(inspectFile(identifyFile(xlsxFromParts({ sheet: deflated(xml) }), 'x.xlsx')));
    expect(view).toMatchObject({ code: 'files.invalid_utf8', params: { entry: 'xl/worksheets/sheet1.xml', row: 3 } });
  });

  it('refuses absurd XML nesting and names a damaged package unreadable', async () => {
    expect(await failure(read(sheetOf(`${'<x>'.repeat(100)}${'</x>'.repeat(100)}`)))).toBeInstanceOf(FileFormatError);
    expect(await failure(read(sheetOf('<row><c><v>1</v></row>')))).toBeInstanceOf(FileFormatError);
  });

  it('reads numbers, booleans, formulas, dates with a date style and the first sheet only', async () => {
    const rows = await read(
      sheetOf(
        `${inlineRow(1, ['a', 'b', 'c', 'd', 'e'])}<row r="2"><c r="A2"><v>13800138000</v></c><c r="B2" t="b"><v>1</v></c>` +
          '<c r="C2" t="str"><f>A2&amp;"x"</f><v>13800138000x</v></c><c r="D2" t="e"><v>#N/A</v></c><c r="E2"><v>0.5</v></c></row>',
      ),
    );
    expect(rows).toEqual([
      ['a', 'b', 'c', 'd', 'e'],
      ['13800138000', 'true', '13800138000x', '', '0.5'],
    ]);
  });
});
