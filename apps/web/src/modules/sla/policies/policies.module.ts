import { page, type WebModule } from '../../../webModule';

/**
 * SLA administration (sla/policies): the policy matrix (type × priority × metric), the plain list,
 * the escalation ladders and the SLA settings (pause reasons, SLA-rate weights). For sla.manage.
 */
export const slaPoliciesModule: WebModule = {
  name: 'sla/policies',
  namespaces: ['slaPolicies'],
  routes: [
    {
      path: '/admin/sla-policies',
      order: 47,
      nameKey: 'slaPolicies',
      access: 'sla.manage',
      element: page(() => import('./SlaAdminPage'), 'SlaAdminPage'),
    },
  ],
};
