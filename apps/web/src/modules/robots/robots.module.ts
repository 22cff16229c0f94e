import { page, type WebModule } from '../../webModule';

/**
 * Work-chat group robots (server module `robots`): WeCom, DingTalk and Feishu robots, their test
 * button and delivery log. For notifications.manage.
 */
export const robotsModule: WebModule = {
  name: 'robots',
  namespaces: ['robots'],
  routes: [
    {
      path: '/admin/robots',
      order: 55,
      nameKey: 'robots',
      access: 'notifications.manage',
      element: page(() => import('./RobotsPage'), 'RobotsPage'),
    },
  ],
};
