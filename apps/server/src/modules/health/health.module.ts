import type { ModuleManifest } from '../../lib/module.js';
import { VERSION } from '../../version.js';
import { healthRoutes } from './health.routes.js';

export const healthModule: ModuleManifest = {
  name: 'health',
  description: 'Liveness, database kind and migration state',
  routes: [{ plugin: healthRoutes, prefix: '/api', options: () => ({ version: VERSION }) }],
};
