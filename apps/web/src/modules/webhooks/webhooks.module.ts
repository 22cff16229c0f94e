import { page, type WebModule } from '../../webModule';

/**
 * Webhooks (server module `webhooks`): outbound subscriptions (Standard Webhooks: secret shown
 * once, rotation, test, delivery log and redeliver) and inbound sources (signed endpoints that
 * create tickets). For webhooks.manage.
 */
export const webhooksModule: WebModule = {
  name: 'webhooks',
  namespaces: ['webhooks'],
  routes: [
    {
      path: '/admin/webhooks',
      order: 56,
      nameKey: 'webhooks',
      access: 'webhooks.manage',
      element: page(() => import('./WebhooksPage'), 'WebhooksPage'),
    },
    {
      path: '/admin/inbound-sources',
      order: 57,
      nameKey: 'inboundSources',
      access: 'webhooks.manage',
      element: page(() => import('./InboundSourcesPage'), 'InboundSourcesPage'),
    },
  ],
};
