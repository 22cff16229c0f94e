import { describe, expect, it } from 'vitest';
import { ApiError } from './ApiError';
import { fieldErrorsOf, forbiddenHitsOf } from './formErrors';

describe('server errors on the ticket forms', () => {
  it('puts a business rule’s detail on the field it names', () => {
    const error = new ApiError({
      status: 400,
      code: 'tickets.next_reply_required',
      message: '投诉未能在本次联系中解决，必须约定下次回复客户的时间（跟清楚）。',
      errors: [{ path: 'nextReplyAt', message: '' }],
    });
    expect(fieldErrorsOf(error)).toEqual([
      { name: ['nextReplyAt'], errors: ['投诉未能在本次联系中解决，必须约定下次回复客户的时间（跟清楚）。'] },
    ]);
  });

  it('keeps schema messages per field and renames server paths to form names', () => {
    const error = new ApiError({
      status: 400,
      code: 'validation_failed',
      message: '请求参数有误',
      errors: [
        { path: '/subject', message: '不能为空' },
        { path: '/resolvedAtFirstContact/process', message: '太短' },
      ],
    });
    expect(fieldErrorsOf(error, { resolvedAtFirstContact: 'process' })).toEqual([
      { name: ['subject'], errors: ['不能为空'] },
      { name: ['process', 'process'], errors: ['太短'] },
    ]);
    expect(fieldErrorsOf(new Error('x'))).toEqual([]);
  });

  it('reads the forbidden-phrase hits of a 422', () => {
    const hit = { phrase: '这不归我管', alternative: '我马上帮您联系', start: 2, end: 7, matched: '这不归我管' };
    const error = new ApiError({
      status: 422,
      code: 'tickets.forbidden_phrase',
      message: '回复中含有服务忌语',
      params: { phrases: '这不归我管', hits: [hit, { phrase: 1 }] },
    });
    expect(forbiddenHitsOf(error)).toEqual([hit]);
    expect(forbiddenHitsOf(new ApiError({ status: 422, code: 'unknown', message: '' }))).toEqual([]);
  });
});
