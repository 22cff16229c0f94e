import { page, type WebModule } from '../../../webModule';

/**
 * The list and a customer's file. They are siblings (a route with an element has no outlet); the
 * file is reachable from the list only, so it stays out of the menu.
 */
export const customersArchiveModule: WebModule = {
  name: 'customers/archive',
  namespaces: ['customers'],
  routes: [
    {
      path: '/customers',
      order: 20,
      nameKey: 'customers',
      access: 'customers.read',
      element: page(() => import('./CustomersPage'), 'CustomersPage'),
    },
    {
      path: '/customers/:id',
      order: 21,
      nameKey: 'customer',
      access: 'customers.read',
      hideInMenu: true,
      element: page(() => import('./CustomerPage'), 'CustomerPage'),
    },
  ],
};
