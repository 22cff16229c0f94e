import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import {
  type CampaignValues,
  campaignProgress,
  emptyCampaignValues,
  filterEntries,
  toCampaignBody,
  toCampaignFilter,
} from './campaignForm';
import { campaign } from './fixtures';

const base = (over: Partial<CampaignValues> = {}): CampaignValues => ({
  ...emptyCampaignValues(dayjs('2026-06-01')),
  name: ' 年中回访 ',
  purpose: ' 了解满意度 ',
  ...over,
});

describe('campaign form → body', () => {
  it('maps the filter as the customer list does', () => {
    expect(
      toCampaignFilter({ q: '  张 ', grade: ['B', 'A', 'B'], isKey: 'true', region: '', ownerId: undefined }),
    ).toEqual({ q: '张', grade: 'A,B', isKey: 'true' });
    expect(toCampaignFilter({})).toEqual({});
  });

  it('sends one step with the start date', () => {
    const body = toCampaignBody(base({ filter: { kind: 'company' }, altChannel: 'call', script: '  ' }));
    expect(body).toEqual({
      name: '年中回访',
      filter: { kind: 'company' },
      startDate: '2026-06-01',
      step: {
        offsetDays: 0,
        dayKind: 'calendar',
        channel: 'call',
        altChannel: null,
        fixedDate: false,
        purpose: '了解满意度',
        script: null,
      },
    });
  });

  it('sends a plan instead of a step', () => {
    const body = toCampaignBody(base({ mode: 'plan', planId: 'p1', startDate: null }));
    expect(body).toEqual({ name: '年中回访', filter: {}, planId: 'p1' });
  });
});

describe('campaign list', () => {
  it('counts progress without the cancelled callbacks', () => {
    // pending 40 + done 70 + unreached 8 = 118; 70 / 118 = 59.3 %
    expect(campaignProgress(campaign())).toEqual({ done: 70, total: 118, percent: 59 });
    expect(
      campaignProgress(campaign({ counts: { pending: 0, done: 0, unreached: 0, cancelled: 3, unassigned: 0 } })),
    ).toEqual({ done: 0, total: 0, percent: 0 });
  });

  it('summarises a stored filter in a fixed order', () => {
    expect(filterEntries({ isKey: true, grade: 'A,B', cf: ['industry:photo'], empty: 'x', region: '' })).toEqual([
      ['grade', 'A,B'],
      ['isKey', 'true'],
      ['cf', 'industry:photo'],
    ]);
  });
});
