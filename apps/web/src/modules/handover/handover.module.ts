import { page, type WebModule } from '../../webModule';

export const handoverModule: WebModule = {
  name: 'handover',
  namespaces: ['handover'],
  routes: [
    {
      path: '/handovers',
      order: 23,
      nameKey: 'handover',
      access: 'customers.handover',
      element: page(() => import('./HandoverPage'), 'HandoverPage'),
    },
  ],
};
