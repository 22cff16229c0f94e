import { createRequire } from 'node:module';

/** The arrangements shipped by `chinese-days` (dist/chinese-days.json): date → "English,中文,n". */
type ChineseDays = { holidays: Record<string, string>; workdays: Record<string, string> };

export type OfficialDay = { date: string; kind: 'off' | 'work'; nameZh: string; nameEn: string };

const require = createRequire(import.meta.url);

/** Every official day off and adjusted working day the package knows, by year. */
export function shippedOfficialDays(): Map<number, OfficialDay[]> {
  const data = require('chinese-days/dist/chinese-days.json') as ChineseDays;
  const byYear = new Map<number, OfficialDay[]>();
  const add = (date: string, kind: 'off' | 'work', label: string) => {
    const [nameEn = '', nameZh = ''] = label.split(',');
    const year = Number(date.slice(0, 4));
    const list = byYear.get(year) ?? [];
    list.push({ date, kind, nameZh, nameEn });
    byYear.set(year, list);
  };
  for (const [date, label] of Object.entries(data.holidays)) add(date, 'off', label);
  for (const [date, label] of Object.entries(data.workdays)) add(date, 'work', label);
  return byYear;
}
