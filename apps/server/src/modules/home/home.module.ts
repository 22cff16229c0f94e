import type { ModuleManifest } from '../../lib/module.js';
import { homeRoutes } from './home.routes.js';

/** The role home pages' figures; no tables of its own — it counts through the tickets and sla modules' exports. */
export const homeModule: ModuleManifest = {
  name: 'home',
  description: 'The home page (工作台): what needs attention, per role, in the caller’s data scope',
  routes: [{ plugin: homeRoutes, prefix: '/api/v1/home' }],
};
