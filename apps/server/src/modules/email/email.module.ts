import type { ModuleManifest } from '../../lib/module.js';
import { inboundModule } from './inbound/inbound.module.js';
import { outboundModule } from './outbound/outbound.module.js';
import { emailSettingsRoutes } from './settings.routes.js';

/**
 * E-mail (邮件): mail out over SMTP (the `email` delivery channel, DKIM optional, replies threaded
 * so that the customer's answer lands on the same ticket) and mail in by IMAP polling (new mail →
 * ticket, replies → the ticket's conversation, auto-replies and bounces ignored). Which messages
 * go by e-mail, their templates, retries and quiet hours: notifications.
 */
export const emailModule: ModuleManifest = {
  name: 'email',
  description: 'E-mail out over SMTP (DKIM, threading) and in by IMAP polling: mails become tickets and replies',
  routes: [{ plugin: emailSettingsRoutes, prefix: '/api/v1/email' }],
  errors: ['email.not_configured', 'email.dkim_key_invalid'],
  parts: [outboundModule, inboundModule],
};
