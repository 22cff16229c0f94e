import type { Deps } from '../../lib/deps.js';
import type { ModuleManifest } from '../../lib/module.js';
import { RealtimeHub } from './realtime.hub.js';
import { realtimeRoutes } from './realtime.routes.js';

/** One hub per running app (tests build several apps in one process). */
const hubs = new WeakMap<Deps, RealtimeHub>();

function hubOf(deps: Deps): RealtimeHub {
  const hub = hubs.get(deps);
  if (!hub) throw new Error('The real-time hub is not started');
  return hub;
}

export const realtimeModule: ModuleManifest = {
  name: 'realtime',
  description: 'Server-sent events about records within the caller’s permissions and data scope',
  routes: [{ plugin: realtimeRoutes, prefix: '/api/v1/realtime', options: ({ deps }) => ({ hub: hubOf(deps) }) }],
  async start({ deps, log }) {
    const hub = new RealtimeHub(deps.database, log as never);
    await hub.start();
    hubs.set(deps, hub);
  },
  async stop({ deps }) {
    await hubs.get(deps)?.stop();
    hubs.delete(deps);
  },
};
