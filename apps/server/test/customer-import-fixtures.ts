import { PassThrough } from 'node:stream';
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import iconv from 'iconv-lite';

/**
 * Customer-import fixtures made in code (no binary files in the repository): Excel workbooks
 * written with exceljs' streaming writer, CSV text in any encoding, multipart bodies, and a
 * realistic customer sheet with a share of deliberately bad rows (tests and the benchmark).
 */
export type Cell = string | number | Date | null;

export async function xlsxBuffer(rows: Iterable<Cell[]>, sheetName = '客户'): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise((resolve) => out.on('end', resolve));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: true, useStyles: true });
  const sheet = workbook.addWorksheet(sheetName);
  for (const row of rows) sheet.addRow(row).commit();
  sheet.commit();
  await workbook.commit();
  await done;
  return Buffer.concat(chunks);
}

function csvField(value: Cell): string {
  const text = value instanceof Date ? value.toISOString().slice(0, 10) : value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV bytes in `encoding` (`utf-8`, `utf-8-bom`, `gbk`, …), CRLF line ends as Excel writes them. */
export function csvBuffer(rows: Cell[][], encoding = 'utf-8'): Buffer {
  const text = `${rows.map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
  if (encoding === 'utf-8-bom') return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
  return encoding === 'utf-8' ? Buffer.from(text, 'utf8') : iconv.encode(text, encoding);
}

export function multipartBody(fileName: string, content: Buffer, field = 'file') {
  const boundary = `----kefu${Math.random().toString(36).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\n` +
      'Content-Type: application/octet-stream\r\n\r\n',
  );
  return {
    payload: Buffer.concat([head, content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

/** POST /api/v1/customer-imports as the session's user. */
export function uploadFile(
  app: FastifyInstance,
  session: { cookies: Record<string, string> },
  fileName: string,
  content: Buffer,
  headers: Record<string, string> = {},
) {
  const { payload, contentType } = multipartBody(fileName, content);
  return app.inject({
    method: 'POST',
    url: '/api/v1/customer-imports',
    cookies: session.cookies,
    headers: { 'x-csrf-token': session.cookies.kefu_csrf ?? '', 'content-type': contentType, ...headers },
    payload,
  });
}

export const SHEET_HEADER = [
  '客户名称',
  '类型',
  '电话',
  '邮箱',
  '地址',
  '邮编',
  '地区',
  '法人代表',
  '注册资本',
  '生日',
  '类别',
  '等级',
  '备注',
];

const CITIES = ['上海', '北京', '杭州', '广州', '深圳', '苏州', '南京', '成都', '武汉', '西安'];
const TRADES = ['医疗器械', '物业管理', '广告传媒', '婚纱摄影', '旅行社', '电子科技', '建材贸易', '餐饮管理'];
const CATEGORIES = ['经销商', 'partner', '终端客户', '分销商', 'dealer'];

/**
 * `count` customer rows (after the header) with a bad row every `1 / badShare` rows, cycling
 * through the kinds of problem a real file has: a malformed phone, a missing name, an unknown
 * category, an impossible date. Phones and e-mails are unique, so only bad rows fail.
 */
export function* customerSheet(count: number, badShare = 0.03): Generator<Cell[]> {
  yield SHEET_HEADER;
  const every = badShare > 0 ? Math.round(1 / badShare) : Number.POSITIVE_INFINITY;
  for (let i = 1; i <= count; i += 1) {
    const city = CITIES[i % CITIES.length] as string;
    const trade = TRADES[i % TRADES.length] as string;
    const row: Cell[] = [
      `${city}${trade}有限公司${i}`,
      '公司',
      `1${3 + (i % 7)}${String(i).padStart(9, '0')}`,
      `contact${i}@example.cn`,
      `${city}市中山路${i}号`,
      String(200000 + (i % 99999)).padStart(6, '0'),
      city,
      `法人${i}`,
      `${(i % 500) + 1}万`,
      '1980-05-17',
      CATEGORIES[i % CATEGORIES.length] as string,
      ['B', 'C', 'D'][i % 3] as string,
      null,
    ];
    const bad = i % every === 0 ? (i / every) % 4 : -1;
    if (bad === 0) row[2] = '12345';
    if (bad === 1) row[0] = '';
    if (bad === 2) row[10] = '不存在的类别';
    if (bad === 3) row[9] = '2023-02-30';
    yield row;
  }
}

/**
 * A zip entry's raw-deflated bytes, its CRC-32 and its inflated size. `declaredSize` (default:
 * the true size) is what the headers claim, so that a test can lie about it.
 */
export type DeflatedEntry = { deflated: Buffer; crc: number; size: number; declaredSize?: number };

export function deflated(content: string | Buffer, level = 6): DeflatedEntry {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  return { deflated: zlib.deflateRawSync(bytes, { level }), crc: zlib.crc32(bytes), size: bytes.length };
}

/**
 * Deflated `head`, then `unit` `times` over, then `tail`, made without ever holding the inflated
 * text: each piece is compressed on its own with a sync flush (a valid deflate stream may be cut
 * into such blocks), the unit's block repeated, and a final empty block closes the stream. Bombs
 * of a gigabyte take a megabyte and milliseconds.
 */
export function deflatedRepeat(head: string, unit: string, times: number, tail: string): DeflatedEntry {
  const flush = (bytes: Buffer) => zlib.deflateRawSync(bytes, { finishFlush: zlib.constants.Z_SYNC_FLUSH });
  const [h, u, t] = [head, unit, tail].map((s) => Buffer.from(s, 'utf8')) as [Buffer, Buffer, Buffer];
  const block = flush(u);
  const parts = [
    flush(h),
    ...Array.from({ length: times }, () => block),
    flush(t),
    zlib.deflateRawSync(Buffer.alloc(0)),
  ];
  let crc = zlib.crc32(h);
  for (let i = 0; i < times; i += 1) crc = zlib.crc32(u, crc);
  crc = zlib.crc32(t, crc);
  return { deflated: Buffer.concat(parts), crc, size: h.length + u.length * times + t.length };
}

/** Deflated text made of pieces from a generator, compressed piece by piece (sync-flushed blocks). */
export function deflatedPieces(pieces: Iterable<string>, level = 1): DeflatedEntry {
  const out: Buffer[] = [];
  let crc = 0;
  let size = 0;
  for (const piece of pieces) {
    const bytes = Buffer.from(piece, 'utf8');
    out.push(zlib.deflateRawSync(bytes, { level, finishFlush: zlib.constants.Z_SYNC_FLUSH }));
    crc = zlib.crc32(bytes, crc);
    size += bytes.length;
  }
  out.push(zlib.deflateRawSync(Buffer.alloc(0)));
  return { deflated: Buffer.concat(out), crc, size };
}

/** A zip file (deflate, UTF-8 names, no zip64) of the given entries, in order. */
export function zipBuffer(entries: [name: string, entry: DeflatedEntry][]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, e] of entries) {
    const fileName = Buffer.from(name, 'utf8');
    const size = e.declaredSize ?? e.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(0, 10);
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.deflated.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(fileName.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(0, 12);
    central.writeUInt32LE(e.crc >>> 0, 16);
    central.writeUInt32LE(e.deflated.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, fileName, e.deflated);
    centrals.push(central, fileName);
    offset += local.length + fileName.length + e.deflated.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** XML text content: the three characters that must be escaped, and nothing else touched. */
export const xmlText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The opening and closing of a worksheet part, around its rows. */
export const SHEET_HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}"><sheetData>`;
export const SHEET_TAIL = '</sheetData></worksheet>';
export const SST_HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${MAIN_NS}">`;

/**
 * A minimal .xlsx (as Excel would open it) around a given worksheet part and, optionally, a
 * shared-strings part, both already deflated: tests make bombs and huge sheets this way.
 */
export function xlsxFromParts(parts: { sheet: DeflatedEntry; sharedStrings?: DeflatedEntry }): Buffer {
  const sst = parts.sharedStrings;
  const types =
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
    (sst
      ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
      : '') +
    '</Types>';
  const rootRels = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  const workbook = `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheets><sheet name="客户" sheetId="1" r:id="rId1"/></sheets></workbook>`;
  const workbookRels =
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL_NS}">` +
    `<Relationship Id="rId1" Type="${REL_NS}/worksheet" Target="worksheets/sheet1.xml"/>` +
    (sst ? `<Relationship Id="rId2" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/>` : '') +
    '</Relationships>';
  return zipBuffer([
    ['[Content_Types].xml', deflated(types)],
    ['_rels/.rels', deflated(rootRels)],
    ['xl/workbook.xml', deflated(workbook)],
    ['xl/_rels/workbook.xml.rels', deflated(workbookRels)],
    ['xl/worksheets/sheet1.xml', parts.sheet],
    ...(sst ? [['xl/sharedStrings.xml', sst] as [string, DeflatedEntry]] : []),
  ]);
}

/** A row of inline-string cells (column letters from A). */
export function inlineRow(row: number, cells: string[]): string {
  const cs = cells.map(
    (text, i) =>
      `<c r="${String.fromCharCode(65 + i)}${row}" t="inlineStr"><is><t xml:space="preserve">${xmlText(text)}</t></is></c>`,
  );
  return `<row r="${row}">${cs.join('')}</row>`;
}

/**
 * Pieces of text that break careless readers: CJK, characters outside the BMP (𠀀 U+20000,
 * 𪚥 U+2A6A5, emoji, a ZWJ family), combining marks, a genuine U+FFFD, XML's special characters.
 */
const HARD_TEXT = [
  '客户',
  '导入',
  '上海华信',
  '𠀀',
  '𪚥',
  '😀',
  '👨‍👩‍👧',
  'é',
  'ก์',
  'ử̛',
  '\uFFFD',
  '&<>"\'',
  'Ａ１',
  '〇',
  '丶',
];

/** Deterministic text of `pieces` hard pieces, starting with `prefix`, never blank at either end. */
export function hardText(seed: number, pieces: number, prefix = ''): string {
  let x = seed * 2654435761;
  let out = prefix;
  for (let i = 0; i < pieces; i += 1) {
    x = (x * 1103515245 + 12345) >>> 0;
    out += HARD_TEXT[x % HARD_TEXT.length];
  }
  return `${out}号`;
}

/**
 * A worksheet part of `rows` (header included) the way Excel writes it: strings in a shared
 * strings table (every other column) or inline, `xml:space="preserve"` text.
 */
export function xlsxOfStrings(rows: string[][]): Buffer {
  const strings: string[] = [];
  const index = new Map<string, number>();
  let sheet = SHEET_HEAD;
  rows.forEach((cells, r) => {
    sheet += `<row r="${r + 1}">`;
    cells.forEach((text, c) => {
      const ref = `${String.fromCharCode(65 + c)}${r + 1}`;
      if (c % 2 === 0) {
        let i = index.get(text);
        if (i === undefined) {
          i = strings.push(text) - 1;
          index.set(text, i);
        }
        sheet += `<c r="${ref}" t="s"><v>${i}</v></c>`;
      } else {
        sheet += `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${xmlText(text)}</t></is></c>`;
      }
    });
    sheet += '</row>';
  });
  sheet += SHEET_TAIL;
  const sst = `${SST_HEAD}${strings.map((s) => `<si><t xml:space="preserve">${xmlText(s)}</t></si>`).join('')}</sst>`;
  return xlsxFromParts({ sheet: deflated(sheet), sharedStrings: deflated(sst) });
}
