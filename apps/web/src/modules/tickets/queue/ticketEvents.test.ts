import { describe, expect, it } from 'vitest';
import { changedByOthers, ticketIdsOf } from './ticketEvents';

describe('ticket events over SSE', () => {
  it('knows which tickets an event is about', () => {
    expect(ticketIdsOf({ name: 'ticket.merged', payload: { targetId: 'a', sourceId: 'b' }, actorId: null })).toEqual([
      'a',
      'b',
    ]);
    expect(ticketIdsOf({ name: 'ticket.linked', payload: { ticketId: 'a', linkedId: 'c' }, actorId: null })).toEqual([
      'a',
      'c',
    ]);
  });

  it('says "updated by someone else" only for another user’s change to this ticket', () => {
    const event = { name: 'ticket.replied', payload: { ticketId: 't1' }, actorId: 'u2' };
    expect(changedByOthers(event, 't1', 'u1')).toBe(true);
    expect(changedByOthers(event, 't1', 'u2')).toBe(false);
    expect(changedByOthers(event, 't9', 'u1')).toBe(false);
    expect(changedByOthers({ ...event, actorId: null }, 't1', 'u1')).toBe(false);
  });
});
