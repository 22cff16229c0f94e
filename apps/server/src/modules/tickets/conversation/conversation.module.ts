import { moveLegacyFiles } from '../../../lib/file-store/legacy.js';
import { sweepSpool } from '../../../lib/file-store/spool.js';
import type { ModuleManifest } from '../../../lib/module.js';
import { ticketAttachmentsRoutes } from './attachments.routes.js';
import { ATTACHMENTS_NAMESPACE } from './attachments.storage.js';
import { ticketTimelineListeners } from './tickets.listeners.js';

/** Replies, customer messages and internal notes; attachments. */
export const ticketsConversationModule: ModuleManifest = {
  name: 'tickets/conversation',
  routes: [{ plugin: ticketAttachmentsRoutes, prefix: '/api/v1/tickets' }],
  errors: [
    'tickets.attachment_missing',
    'tickets.attachment_too_large',
    'tickets.attachment_type_refused',
    'tickets.attachment_not_found',
    'tickets.message_not_found',
    'tickets.attachment_delete_forbidden',
  ],
  events: ['ticket.replied'],
  listeners: ticketTimelineListeners,
  // Attachments an older version kept on this instance's disk move into the shared file store;
  // uploads a killed process left in this instance's spool go.
  async start({ deps, log }) {
    await sweepSpool(deps.config.files.spoolDir);
    const { legacyDir } = deps.config.attachments;
    if (legacyDir) await moveLegacyFiles(deps.files, legacyDir, ATTACHMENTS_NAMESPACE, log);
  },
};
