import type { Deps } from '../../lib/deps.js';
import type { ModuleManifest } from '../../lib/module.js';
import { webhooksInboundModule } from './inbound/inbound.module.js';
import { WebhookDeliverer } from './webhooks.deliverer.js';
import { fanOutWebhooks } from './webhooks.listeners.js';
import { webhooksRoutes } from './webhooks.routes.js';
import { webhookSettings } from './webhooks.settings.js';

/** One deliverer per running app (tests build several apps in one process). */
const deliverers = new WeakMap<Deps, WebhookDeliverer>();

/**
 * Outbound webhooks per Standard Webhooks (signed, in order per subscription, retried for about a
 * day, then disabled with a notice to the owner) and signed inbound events that open tickets.
 */
export const webhooksModule: ModuleManifest = {
  name: 'webhooks',
  description: 'Signed outbound webhooks (Standard Webhooks) and signed inbound events that open tickets',
  routes: [{ plugin: webhooksRoutes, prefix: '/api/v1/webhooks' }],
  permissions: ['webhooks.manage'],
  errors: ['webhooks.not_found', 'webhooks.delivery_not_found', 'webhooks.bad_secret'],
  listeners: [fanOutWebhooks],
  parts: [webhooksInboundModule],
  async start({ deps, log }) {
    if (!webhookSettings(deps.config).enabled) return;
    const deliverer = new WebhookDeliverer(deps, log);
    await deliverer.start();
    deliverers.set(deps, deliverer);
  },
  async stop({ deps }) {
    await deliverers.get(deps)?.stop();
    deliverers.delete(deps);
  },
};
