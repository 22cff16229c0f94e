import { t } from '@kefu/shared';
import { describe, expect, it } from 'vitest';
import { dayIn, digestContent, digestFigures, previousDay } from './digest.figures.js';

describe('daily digest figures', () => {
  it('takes the day in the business time zone', () => {
    // 2026-03-01 17:30 UTC is already 2 March in Shanghai, still 1 March in UTC.
    const at = new Date('2026-03-01T17:30:00Z');
    expect(dayIn(at, 'Asia/Shanghai')).toBe('2026-03-02');
    expect(dayIn(at, 'UTC')).toBe('2026-03-01');
  });

  it('steps back over month and leap-year ends', () => {
    expect(previousDay('2026-03-01')).toBe('2026-02-28');
    expect(previousDay('2028-03-01')).toBe('2028-02-29');
    expect(previousDay('2027-01-01')).toBe('2026-12-31');
  });

  it('words the digest in each language, missing counts as 0', () => {
    const content = digestContent('2026-03-01', digestFigures({ created: 12, complaints: 3, breached: 2 }));
    expect(t('zh-CN', content.subject.key, content.subject.params)).toBe('客服日报 2026-03-01');
    expect(t('zh-CN', content.body.key, content.body.params)).toBe(
      '2026-03-01 新建工单 12 个，其中投诉 3 个（重大投诉 0 个）；时限超时 2 次。',
    );
    expect(t('en', content.body.key, content.body.params)).toBe(
      '2026-03-01: 12 new tickets, 3 of them complaints (0 major); 2 time limits breached.',
    );
  });
});
