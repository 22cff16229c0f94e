import { page, type WebModule } from '../../../webModule';

export const customersSettingsModule: WebModule = {
  name: 'customers/settings',
  namespaces: ['customersSettings'],
  routes: [
    {
      path: '/admin/customer-settings',
      order: 40,
      nameKey: 'customerSettings',
      access: 'customers.settings',
      element: page(() => import('./CustomerSettingsPage'), 'CustomerSettingsPage'),
    },
  ],
};
