import type { ModuleManifest } from '../../../lib/module.js';
import { settingsRoutes } from './settings.routes.js';

/** Callback scheduling rules (quiet windows, cap, retries, deadline) and customers' own rest hours. */
export const callbackSettingsModule: ModuleManifest = {
  name: 'callbacks/settings',
  routes: [{ plugin: settingsRoutes, prefix: '/api/v1/callback-settings' }],
  errors: ['callbacks.quiet_windows_too_wide'],
};
