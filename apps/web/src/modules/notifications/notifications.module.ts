import { page, type WebModule } from '../../webModule';

/**
 * Notifications (server module `notifications`, with `email` and `sms` settings): the header bell
 * (centre/NotificationBell, placed by layouts/BasicLayout), the notification centre, my preferences
 * (from the user menu) and the administrator's channels, templates and deliveries.
 */
export const notificationsModule: WebModule = {
  name: 'notifications',
  namespaces: ['notifications'],
  routes: [
    {
      path: '/notifications',
      order: 95,
      nameKey: 'notifications',
      hideInMenu: true,
      element: page(() => import('./centre/NotificationsPage'), 'NotificationsPage'),
    },
    {
      path: '/account/notifications',
      order: 15,
      nameKey: 'notificationPreferences',
      element: page(() => import('./preferences/PreferencesPage'), 'PreferencesPage'),
    },
    {
      path: '/admin/notification-channels',
      order: 52,
      nameKey: 'notificationChannels',
      access: 'notifications.manage',
      element: page(() => import('./channels/ChannelsPage'), 'ChannelsPage'),
    },
    {
      path: '/admin/notification-templates',
      order: 53,
      nameKey: 'notificationTemplates',
      access: 'notifications.manage',
      element: page(() => import('./templates/TemplatesPage'), 'TemplatesPage'),
    },
    {
      path: '/admin/notification-deliveries',
      order: 54,
      nameKey: 'notificationDeliveries',
      access: 'notifications.manage',
      element: page(() => import('./deliveries/DeliveriesPage'), 'DeliveriesPage'),
    },
  ],
};
