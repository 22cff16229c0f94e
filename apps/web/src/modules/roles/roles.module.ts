import { page, type WebModule } from '../../webModule';

export const rolesModule: WebModule = {
  name: 'roles',
  namespaces: ['roles'],
  routes: [
    {
      path: '/admin/roles',
      order: 30,
      nameKey: 'roles',
      access: 'roles.read',
      element: page(() => import('./RolesPage'), 'RolesPage'),
    },
  ],
};
