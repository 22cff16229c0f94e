import type { ModuleManifest } from '../../lib/module.js';
import { alertsModule } from './alerts/alerts.module.js';
import { robotsRoutes } from './robots.routes.js';
import { vendorsModule } from './vendors/vendors.module.js';

export const robotsModule: ModuleManifest = {
  name: 'robots',
  description: 'Work-chat group robots (WeCom, DingTalk, Feishu): escalations, major complaints and the daily digest',
  routes: [{ plugin: robotsRoutes, prefix: '/api/v1/robots' }],
  errors: ['robots.not_found', 'outbound.blocked_address', 'outbound.bad_url'],
  parts: [vendorsModule, alertsModule],
};
