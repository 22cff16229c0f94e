import type { EventBus } from '../../events/bus.js';
import type { RealtimeHub } from './realtime.hub.js';

/** Sign-in events stay on the server; every other domain event is pushed to connected browsers. */
export function registerRealtimeListeners(bus: EventBus, hub: RealtimeHub): void {
  bus.onAny(async (event) => {
    if (event.name.startsWith('auth.')) return;
    await hub.publish(event);
  });
}
