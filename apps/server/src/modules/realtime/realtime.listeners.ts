import type { EventBus } from '../../events/bus.js';
import type { RealtimeHub } from './realtime.hub.js';

/**
 * Every domain event but sign-in ones goes to every instance's hub, which decides per connected
 * browser what it may receive (realtime.rules.ts). `auth.logged_out` goes too, never to a browser:
 * it makes the hubs check that user's streams again, so signing out ends them.
 */
export function registerRealtimeListeners(bus: EventBus, hub: RealtimeHub): void {
  bus.onAny(async (event) => {
    if (event.name.startsWith('auth.') && event.name !== 'auth.logged_out') return;
    await hub.publish(event);
  });
}
