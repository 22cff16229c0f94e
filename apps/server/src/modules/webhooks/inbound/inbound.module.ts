import type { ModuleManifest } from '../../../lib/module.js';
import { inboundRoutes, inboundSourcesRoutes } from './inbound.routes.js';

/** Signed inbound events from other systems (web forms, mini-programs) that open tickets. */
export const webhooksInboundModule: ModuleManifest = {
  name: 'webhooks/inbound',
  routes: [
    { plugin: inboundSourcesRoutes, prefix: '/api/v1/inbound-sources' },
    { plugin: inboundRoutes, prefix: '/api/v1/inbound' },
  ],
  errors: ['webhooks.source_not_found', 'webhooks.signature_invalid', 'webhooks.replayed'],
};
