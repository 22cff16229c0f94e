import { page, type WebModule } from '../../webModule';

export const usersModule: WebModule = {
  name: 'users',
  namespaces: ['users'],
  routes: [
    {
      path: '/admin/users',
      order: 10,
      nameKey: 'users',
      access: 'users.read',
      element: page(() => import('./UsersPage'), 'UsersPage'),
    },
  ],
};
