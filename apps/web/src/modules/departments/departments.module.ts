import { page, type WebModule } from '../../webModule';

export const departmentsModule: WebModule = {
  name: 'departments',
  namespaces: ['departments'],
  routes: [
    {
      path: '/admin/departments',
      order: 20,
      nameKey: 'departments',
      access: 'departments.read',
      element: page(() => import('./DepartmentsPage'), 'DepartmentsPage'),
    },
  ],
};
