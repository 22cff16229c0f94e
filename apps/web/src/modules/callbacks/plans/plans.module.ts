import { page, type WebModule } from '../../../webModule';

/** Callback plans (callbacks/plans): the plan editor (rules after milestones, closed tickets, field visits) and campaigns. */
export const callbacksPlansModule: WebModule = {
  name: 'callbacks/plans',
  namespaces: ['callbacksPlans'],
  routes: [
    {
      path: '/callbacks/plans',
      order: 20,
      nameKey: 'callbackPlans',
      access: 'callbacks.manage',
      element: page(() => import('./PlansPage'), 'PlansPage'),
    },
    {
      path: '/callbacks/campaigns',
      order: 30,
      nameKey: 'callbackCampaigns',
      access: 'callbacks.manage',
      element: page(() => import('./CampaignsPage'), 'CampaignsPage'),
    },
  ],
};
