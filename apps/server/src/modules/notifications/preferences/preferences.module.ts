import type { ModuleManifest } from '../../../lib/module.js';
import { channelSettingsRoutes, customerPreferencesRoutes, myPreferencesRoutes } from './preferences.routes.js';

/** Users' channels per topic, customers' preferred channel and opt-out, channel settings. */
export const preferencesModule: ModuleManifest = {
  name: 'notifications/preferences',
  routes: [
    { plugin: myPreferencesRoutes, prefix: '/api/v1/notification-preferences' },
    { plugin: customerPreferencesRoutes, prefix: '/api/v1/notification-customer-preferences' },
    { plugin: channelSettingsRoutes, prefix: '/api/v1/notification-channels' },
  ],
  errors: ['notifications.unknown_topic', 'notifications.channel_not_allowed', 'notifications.bad_quiet_hours'],
};
