import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../lib/app-error.js';
import { fileKind, MAX_EVENTS, parseArrangement, parseIcs, parseJson } from './official.parse.js';

const FIXTURE = path.resolve(import.meta.dirname, '../../../../test/fixtures/made-up-2027.ics');

const ics = (...events: string[]) =>
  ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//kefu//unit//ZH', ...events, 'END:VCALENDAR'].join('\r\n');
const event = (start: string, end: string | null, summary: string, extra: string[] = []) =>
  [
    'BEGIN:VEVENT',
    `UID:${Math.random()}@kefu.test`,
    'DTSTAMP:20261101T000000Z',
    start.length === 8 ? `DTSTART;VALUE=DATE:${start}` : `DTSTART;TZID=Asia/Shanghai:${start}`,
    ...(end ? [end.length === 8 ? `DTEND;VALUE=DATE:${end}` : `DTEND;TZID=Asia/Shanghai:${end}`] : []),
    `SUMMARY:${summary}`,
    ...extra,
    'END:VEVENT',
  ].join('\r\n');

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error instanceof AppError ? [error.status, error.code] : String(error);
  }
  return 'no error';
};

describe('official arrangement files', () => {
  it('reads the made-up 2027 iCal fixture: a multi-day holiday is off days, 补班 a make-up working day', () => {
    const { days, warnings } = parseArrangement('made-up-2027.ics', fs.readFileSync(FIXTURE));
    expect(warnings).toEqual([]);
    expect(days.map((d) => `${d.date} ${d.kind}`)).toEqual([
      '2026-12-27 work',
      '2027-01-01 off',
      '2027-01-02 off',
      '2027-01-03 off',
      ...['06', '07', '08', '09', '10', '11', '12', '13'].map((d) => `2027-02-${d} off`),
      '2027-02-14 work',
    ]);
    expect(days[1]).toEqual({ date: '2027-01-01', kind: 'off', nameZh: '元旦', nameEn: "New Year's Day" });
    expect(days.at(-1)).toEqual({ date: '2027-02-14', kind: 'work', nameZh: '春节', nameEn: 'Spring Festival' });
  });

  it('recognises 上班 / 班 / "working day", English names, timed events and a missing DTEND', () => {
    const { days, warnings } = parseIcs(
      ics(
        event('20270501', '20270506', '劳动节放假'),
        event('20270508', null, '劳动节上班'),
        event('20270918T000000', '20270920T000000', 'Mid-Autumn Festival'),
        event('20271009', '20271010', 'National Day working day'),
        event('20271002T090000', '20271002T180000', '国庆节、中秋节 (休)'),
      ),
    );
    expect(warnings).toEqual([]);
    const by = Object.fromEntries(days.map((d) => [d.date, d]));
    expect(Object.keys(by)).toHaveLength(5 + 1 + 2 + 1 + 1);
    expect(by['2027-05-05']).toEqual({ date: '2027-05-05', kind: 'off', nameZh: '劳动节', nameEn: 'Labour Day' });
    expect(by['2027-05-08']?.kind).toBe('work');
    expect(by['2027-09-19']).toEqual({
      date: '2027-09-19',
      kind: 'off',
      nameZh: '中秋',
      nameEn: 'Mid-Autumn Festival',
    });
    expect(by['2027-09-20']).toBeUndefined(); // ends at midnight
    expect(by['2027-10-09']).toMatchObject({ kind: 'work', nameZh: '国庆节', nameEn: 'National Day' });
    expect(by['2027-10-02']).toMatchObject({ kind: 'off', nameZh: '国庆节、中秋节' });
    expect(by['2027-10-02']?.nameEn).toBe('Mid-autumn Festival, National Day');
  });

  it('warns about repeated dates, recurring and over-long events, and dates outside the compiled years', () => {
    const { days, warnings } = parseIcs(
      ics(
        event('20270101', '20270102', '元旦'),
        event('20270101', '20270102', '元旦 休'),
        event('20270301', '20270501', '学期'),
        event('20270601', '20270602', '端午', ['RRULE:FREQ=YEARLY']),
        event('20990101', '20990102', '元旦'),
      ),
    );
    expect(days.map((d) => d.date)).toEqual(['2027-01-01', '2027-06-01']);
    expect(warnings.map((w) => w.key)).toEqual([
      'calendars.import.repeated',
      'calendars.import.too_long',
      'calendars.import.recurring',
      'calendars.import.out_of_range',
    ]);
  });

  it('reads both JSON shapes', () => {
    const kefu = parseJson(
      JSON.stringify({
        year: 2028,
        days: [
          { date: '2028-01-01', kind: 'off', nameZh: '元旦' },
          { date: '2028-01-29', kind: 'work', nameZh: '春节', nameEn: 'Spring Festival' },
        ],
      }),
    );
    expect(kefu.year).toBe(2028);
    expect(kefu.days[0]).toEqual({ date: '2028-01-01', kind: 'off', nameZh: '元旦', nameEn: "New Year's Day" });
    const cd = parseJson(
      JSON.stringify({
        holidays: { '2028-10-01': 'National Day,国庆节,7' },
        workdays: { '2028-10-08': 'National Day,国庆节,7' },
        inLieuDays: {},
      }),
    );
    expect(cd.year).toBeUndefined();
    expect(cd.days).toEqual([
      { date: '2028-10-01', kind: 'off', nameZh: '国庆节', nameEn: 'National Day' },
      { date: '2028-10-08', kind: 'work', nameZh: '国庆节', nameEn: 'National Day' },
    ]);
  });

  it('refuses what it cannot read, and bounds the work', () => {
    expect(codeOf(() => parseArrangement('x.txt', Buffer.from('hello')))).toEqual([
      415,
      'calendars.import_unsupported',
    ]);
    expect(codeOf(() => parseArrangement('x.ics', Buffer.from([0xff, 0xfe, 0x00])))).toEqual([
      400,
      'calendars.import_invalid',
    ]);
    expect(codeOf(() => parseIcs('BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n'))).toEqual([400, 'calendars.import_invalid']);
    expect(codeOf(() => parseIcs(ics()))).toEqual([400, 'calendars.import_empty']);
    expect(
      codeOf(() => parseJson('{"year": 2028, "days": [{"date": "2028-02-30", "kind": "off", "nameZh": "x"}]}')),
    ).toEqual([400, 'calendars.import_invalid']);
    expect(codeOf(() => parseJson('[1, 2]'))).toEqual([400, 'calendars.import_invalid']);
    const many = Array.from({ length: MAX_EVENTS + 1 }, () => event('20270101', '20270102', '元旦'));
    expect(codeOf(() => parseIcs(ics(...many)))).toEqual([400, 'calendars.import_too_many']);
    expect(fileKind('upload', 'BEGIN:VCALENDAR')).toBe('ics');
    expect(fileKind('upload', ' {"year":2028}')).toBe('json');
  });
});
