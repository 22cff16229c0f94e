import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { EventBus } from './bus.js';

describe('EventBus', () => {
  it('delivers to named and catch-all listeners, and a failing listener does not stop the others', async () => {
    const bus = new EventBus(pino({ level: 'silent' }));
    const seen: string[] = [];
    bus.on('user.created', () => {
      throw new Error('boom');
    });
    bus.on('user.created', (event) => {
      seen.push(`named:${event.payload.userId}`);
    });
    bus.onAny((event) => {
      seen.push(`any:${event.name}`);
    });
    bus.emit('user.created', { userId: 'u1' }, 'actor');
    await bus.drain();
    expect(seen.sort()).toEqual(['any:user.created', 'named:u1']);
  });
});
