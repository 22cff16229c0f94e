import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { i18n } from '../../i18n';
import { draftWithDay } from './DayDialog';
import { parsePeriods, weeklySummary } from './periods';
import type { BusinessCalendar, Period, YearDay } from './types';
import { YearView } from './YearView';
import { monthWeeks, withOwnDays } from './yearView';

const NINE_TO_SIX: Period[] = [[540, 1080]];
const WEEKLY: Period[][] = [[], NINE_TO_SIX, NINE_TO_SIX, NINE_TO_SIX, NINE_TO_SIX, NINE_TO_SIX, []];

/** 2026's National Day as the State Council announced it: 1–7 October off, Sunday 20 Sept and Saturday 10 Oct worked. */
const OFFICIAL_2026: YearDay[] = [
  ...[1, 2, 3, 4, 5, 6, 7].map((d) => ({
    date: `2026-10-0${d}`,
    kind: 'off' as const,
    name: '国庆节',
    source: 'official' as const,
  })),
  { date: '2026-09-20', kind: 'work', name: '国庆节', source: 'official' },
  { date: '2026-10-10', kind: 'work', name: '国庆节', source: 'official' },
];

/** The attributes of the day cell of `date` in the rendered HTML. */
function cell(html: string, date: string): string {
  const match = new RegExp(`<button[^>]*data-date="${date}"[^>]*>(.*?)</button>`).exec(html);
  if (!match) throw new Error(`no cell for ${date}`);
  return match[0];
}

describe('calendar year view', () => {
  const own = [{ date: '2026-06-06', kind: 'work' as const, name: '年中盘点' }];
  const render = () =>
    renderToStaticMarkup(
      <YearView year={2026} weekly={WEEKLY} overrides={withOwnDays(OFFICIAL_2026, own)} onSelect={() => undefined} />,
    );

  it('marks official holidays, make-up working days (班), weekends and the calendar’s own days from the data', async () => {
    await i18n.changeLanguage('zh-CN');
    const html = render();
    expect(html.match(/data-date="/g)).toHaveLength(365);
    const makeup = cell(html, '2026-10-10');
    expect(makeup).toContain('kefu-cal-makeup_workday');
    expect(makeup).toContain('aria-label="2026-10-10 周六 调休上班 国庆节"');
    expect(makeup).toContain('>班<');
    expect(cell(html, '2026-09-20')).toContain('kefu-cal-makeup_workday');
    const holiday = cell(html, '2026-10-01');
    expect(holiday).toContain('kefu-cal-holiday');
    expect(holiday).toContain('国庆节');
    expect(holiday).toContain('>休<');
    expect(cell(html, '2026-10-11')).toContain('kefu-cal-weekend');
    expect(cell(html, '2026-10-12')).toContain('kefu-cal-workday');
    expect(cell(html, '2026-06-06')).toContain('kefu-cal-calendar_work');
    expect(cell(html, '2026-06-06')).toContain('年中盘点');
    // The legend counts the kinds: 7 holidays, 2 make-up days, 1 own working day.
    expect(html).toContain('法定节假日 7');
    expect(html).toContain('调休上班 2');
    expect(html).toContain('本日历上班 1');
  });

  it('speaks English too', async () => {
    await i18n.changeLanguage('en');
    const html = render();
    expect(cell(html, '2026-10-10')).toContain('aria-label="2026-10-10 Sat Make-up working day 国庆节"');
    expect(html).toContain('January');
    await i18n.changeLanguage('zh-CN');
  });

  it('lays a month out in weeks starting on Monday', () => {
    const weeks = monthWeeks(2026, 9, WEEKLY, new Map());
    // 1 October 2026 is a Thursday: three padding cells first.
    expect(weeks[0]?.slice(0, 4).map((c) => c?.day ?? null)).toEqual([null, null, null, 1]);
    expect(weeks.flat().filter(Boolean)).toHaveLength(31);
  });

  it('drafts a day change over the calendar’s own days (what the preview is computed from)', () => {
    const calendar = {
      id: 'c1',
      timeZone: 'Asia/Shanghai',
      weekly: WEEKLY,
      workday: NINE_TO_SIX,
      followsOfficial: true,
      days: own,
    } as unknown as BusinessCalendar;
    expect(draftWithDay(calendar, '2026-10-17', { action: 'set', kind: 'work', name: ' 补班 ' }).days).toEqual([
      ...own,
      { date: '2026-10-17', kind: 'work', name: '补班' },
    ]);
    expect(draftWithDay(calendar, '2026-06-06', { action: 'remove' }).days).toEqual([]);
  });
});

describe('working periods', () => {
  it('parse several periods a day (a lunch break) and refuse overlaps', () => {
    expect(parsePeriods('09:00-12:00, 13:30-18:00')).toEqual([
      [540, 720],
      [810, 1080],
    ]);
    expect(parsePeriods('')).toEqual([]);
    expect(parsePeriods('00:00-24:00')).toEqual([[0, 1440]]);
    expect(parsePeriods('09:00-12:00, 11:00-13:00')).toBeUndefined();
    expect(parsePeriods('18:00-09:00')).toBeUndefined();
    expect(parsePeriods('9 to 5')).toBeUndefined();
  });

  it('summarise the week', () => {
    const withSaturday = [...WEEKLY];
    withSaturday[6] = [[540, 720]];
    expect(weeklySummary(withSaturday, (d) => ['日', '一', '二', '三', '四', '五', '六'][d] ?? '')).toEqual([
      '一–五 09:00-18:00',
      '六 09:00-12:00',
    ]);
  });
});
