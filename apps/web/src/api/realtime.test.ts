import { afterEach, describe, expect, it, vi } from 'vitest';
import { coalesce, parseRealtimeEvent } from './realtime';

describe('parseRealtimeEvent', () => {
  it('reads a domain event frame and refuses anything else', () => {
    expect(
      parseRealtimeEvent('{"name":"agent.status_changed","payload":{"userId":"u1","status":"away"},"actorId":"u2"}'),
    ).toEqual({
      name: 'agent.status_changed',
      payload: { userId: 'u1', status: 'away' },
      actorId: 'u2',
      at: undefined,
    });
    expect(parseRealtimeEvent('{"name":"x","payload":{}}')?.actorId).toBeNull();
    expect(parseRealtimeEvent('{"userId":"u1"}')).toBeUndefined();
    expect(parseRealtimeEvent('{"name":"x","payload":null}')).toBeUndefined();
    expect(parseRealtimeEvent('null')).toBeUndefined();
    expect(parseRealtimeEvent('not json')).toBeUndefined();
  });
});

describe('coalesce', () => {
  afterEach(() => vi.useRealTimers());

  it('runs once at the end of a burst, and again for a later burst', () => {
    vi.useFakeTimers();
    const fn = vi.fn();
    const { trigger, cancel } = coalesce(fn, 500);
    trigger();
    trigger();
    vi.advanceTimersByTime(499);
    trigger();
    expect(fn).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(fn).toHaveBeenCalledTimes(1);
    trigger();
    cancel();
    vi.advanceTimersByTime(1000);
    expect(fn).toHaveBeenCalledTimes(1);
  });
});
