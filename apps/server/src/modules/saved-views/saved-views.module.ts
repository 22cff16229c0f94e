import type { ModuleManifest } from '../../lib/module.js';
import { savedViewsRoutes } from './saved-views.routes.js';

export const savedViewsModule: ModuleManifest = {
  name: 'saved-views',
  description: 'Each user’s named filters of a list',
  routes: [{ plugin: savedViewsRoutes, prefix: '/api/v1/saved-views' }],
  errors: ['saved_views.not_found'],
};
