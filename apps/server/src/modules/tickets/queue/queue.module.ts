import type { ModuleManifest } from '../../../lib/module.js';

/** Lists and search within the data scope, bulk actions (routes are mounted by tickets/core). */
export const ticketsQueueModule: ModuleManifest = {
  name: 'tickets/queue',
};
