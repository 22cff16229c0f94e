import type { ModuleManifest } from '../../../lib/module.js';
import { expireInvitations, inviteClosedTicket, remindInvitation } from './sending.jobs.js';
import { inviteAfterClose } from './sending.listeners.js';

/** Sending rules: invitations after a ticket is closed (delay, sampling, skips), one reminder, expiry. */
export const surveysSendingModule: ModuleManifest = {
  name: 'surveys/sending',
  listeners: [inviteAfterClose],
  jobs: [inviteClosedTicket, remindInvitation, expireInvitations],
};
