import type { ModuleManifest } from '../../lib/module.js';
import { deliveryModule } from './delivery/delivery.module.js';
import { inboxModule } from './inbox/inbox.module.js';
import { preferencesModule } from './preferences/preferences.module.js';
import { templatesModule } from './templates/templates.module.js';

export const notificationsModule: ModuleManifest = {
  name: 'notifications',
  description: 'Notifications: in-app, and delivery by e-mail, SMS and work-chat robots (templates, preferences, log)',
  permissions: ['notifications.manage'],
  parts: [inboxModule, deliveryModule, templatesModule, preferencesModule],
};
