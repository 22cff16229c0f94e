import type { ModuleManifest } from '../../../lib/module.js';
import { emailAdapter } from './email.adapter.js';
import { replyByEmail } from './reply.listeners.js';

/** E-mail out: the `email` delivery channel over SMTP, and replies to customers sent as threaded mail. */
export const outboundModule: ModuleManifest = {
  name: 'email/outbound',
  listeners: [replyByEmail],
  channels: [emailAdapter],
};
