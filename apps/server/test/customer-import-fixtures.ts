import { PassThrough } from 'node:stream';
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
