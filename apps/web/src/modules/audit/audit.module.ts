import { page, type WebModule } from '../../webModule';

export const auditModule: WebModule = {
  name: 'audit',
  namespaces: ['audit'],
  routes: [
    {
      path: '/admin/audit',
      order: 50,
      nameKey: 'audit',
      access: 'audit.read',
      element: page(() => import('./AuditPage'), 'AuditPage'),
    },
  ],
};
