import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../api/ApiError';
import { changedFields, isVersionConflict, versionConflict } from './versionConflict';

const conflict = new ApiError({
  status: 409,
  code: 'tickets.version_conflict',
  message: '该工单已被他人修改',
  params: { current: 7, given: 6 },
});

describe('optimistic locking on the ticket page', () => {
  it('recognises a stale-version answer and its versions', () => {
    expect(versionConflict(conflict)).toEqual({ current: 7, given: 6 });
    expect(isVersionConflict(conflict)).toBe(true);
  });

  it('leaves every other error alone', () => {
    const other = new ApiError({ status: 409, code: 'tickets.transition_not_allowed', message: 'no' });
    expect(versionConflict(other)).toBeUndefined();
    expect(isVersionConflict(new Error('boom'))).toBe(false);
    expect(isVersionConflict(undefined)).toBe(false);
  });

  it('sends only the fields that changed', () => {
    type Fields = { subject: string; priority: string; tags: string[]; nextReplyAt: string | null; note?: string };
    const original: Fields = { subject: '停电', priority: 'normal', tags: ['a'], nextReplyAt: null, note: '' };
    expect(
      changedFields<Fields>(original, {
        subject: '停电',
        priority: 'high',
        tags: ['a'],
        nextReplyAt: null,
        note: undefined,
      }),
    ).toEqual({ priority: 'high' });
    expect(changedFields<Fields>(original, { ...original, tags: ['a', 'b'] })).toEqual({ tags: ['a', 'b'] });
    expect(changedFields<Fields>(original, { ...original, nextReplyAt: '2026-03-01T08:00:00.000Z' })).toEqual({
      nextReplyAt: '2026-03-01T08:00:00.000Z',
    });
  });
});
