/**
 * The campaign builder's form → the API's body, and a round's progress. Pure, unit-tested. The
 * customer filter is the customer list's own mapping (customers/archive/customerQuery), so a
 * campaign selects exactly the customers the list shows for the same choices.
 */
import dayjs, { type Dayjs } from 'dayjs';
import { toCustomerFilters } from '../../customers/archive/customerQuery';
import type { CallbackCampaign, CallbackCampaignBody, CallbackChannel, CampaignFilter, DayKind } from './types';

export type CampaignFilterValues = {
  q?: string;
  kind?: 'company' | 'person';
  grade?: string[];
  categoryKey?: string;
  ownerId?: string;
  region?: string;
  isKey?: 'true' | 'false';
};

export type CampaignValues = {
  name: string;
  /** One step written here, or the steps of an existing plan. */
  mode: 'step' | 'plan';
  planId?: string;
  purpose?: string;
  channel: CallbackChannel;
  altChannel?: CallbackChannel | null;
  script?: string;
  offsetDays: number;
  dayKind: DayKind;
  /** Offsets count from this date (default today). */
  startDate?: Dayjs | null;
  filter: CampaignFilterValues;
};

export function emptyCampaignValues(today: Dayjs = dayjs()): CampaignValues {
  return {
    name: '',
    mode: 'step',
    channel: 'call',
    altChannel: null,
    offsetDays: 0,
    dayKind: 'calendar',
    startDate: today.startOf('day'),
    filter: {},
  };
}

/** The filter part: the customer list's mapping (grade `A,B`, trimmed keyword, …); blanks dropped. */
export function toCampaignFilter(values: CampaignFilterValues): CampaignFilter {
  const { updatedFrom: _from, updatedTo: _to, ...filter } = toCustomerFilters(values as Record<string, unknown>);
  return filter;
}

const blank = (value: string | null | undefined) => {
  const text = value?.trim() ?? '';
  return text === '' ? null : text;
};

export function toCampaignBody(values: CampaignValues): CallbackCampaignBody {
  const body: CallbackCampaignBody = { name: values.name.trim(), filter: toCampaignFilter(values.filter) };
  if (values.startDate) body.startDate = values.startDate.format('YYYY-MM-DD');
  if (values.mode === 'plan') return { ...body, planId: values.planId };
  return {
    ...body,
    step: {
      offsetDays: values.offsetDays,
      dayKind: values.dayKind,
      channel: values.channel,
      altChannel: values.altChannel && values.altChannel !== values.channel ? values.altChannel : null,
      fixedDate: false,
      purpose: values.purpose?.trim() ?? '',
      script: blank(values.script),
    },
  };
}

/** A round's progress now: callbacks done of those still to work or worked (cancelled left out). */
export function campaignProgress(campaign: Pick<CallbackCampaign, 'counts'>) {
  const { pending, done, unreached } = campaign.counts;
  const total = pending + done + unreached;
  return { done, total, percent: total === 0 ? 0 : Math.round((done / total) * 100) };
}

/** The filter's set entries, in a fixed order, for a short summary of a past round. */
export const FILTER_KEYS = ['q', 'kind', 'grade', 'categoryKey', 'ownerId', 'region', 'isKey', 'cf'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export function filterEntries(filter: Record<string, unknown>): [FilterKey, string][] {
  return FILTER_KEYS.flatMap((key): [FilterKey, string][] => {
    const value = filter[key];
    if (value === undefined || value === null || value === '') return [];
    return [[key, Array.isArray(value) ? value.join(', ') : String(value)]];
  });
}
