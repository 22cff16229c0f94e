import { page, type WebModule } from '../../webModule';

export const jobsModule: WebModule = {
  name: 'jobs',
  namespaces: ['jobs'],
  routes: [
    {
      path: '/admin/jobs',
      order: 60,
      nameKey: 'jobs',
      access: 'jobs.read',
      element: page(() => import('./JobsPage'), 'JobsPage'),
    },
  ],
};
