import type { ModuleManifest } from '../../../lib/module.js';
import { pollEmail } from './email.jobs.js';
import { inboundRoutes } from './inbound.routes.js';

/** E-mail in: IMAP polling, mails turned into tickets or threaded onto them, auto-replies and bounces ignored. */
export const inboundModule: ModuleManifest = {
  name: 'email/inbound',
  routes: [{ plugin: inboundRoutes, prefix: '/api/v1/email' }],
  errors: ['email.imap_failed'],
  jobs: [pollEmail],
};
