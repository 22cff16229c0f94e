import type { ModuleManifest } from '../../lib/module.js';
import { auditRoutes } from './audit.routes.js';

export const auditModule: ModuleManifest = {
  name: 'audit',
  description: 'The append-only trail of writes and protected reads: search and export',
  routes: [{ plugin: auditRoutes, prefix: '/api/v1/audit' }],
  permissions: ['audit.read', 'audit.export'],
};
