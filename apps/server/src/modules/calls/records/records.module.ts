import type { ModuleManifest } from '../../../lib/module.js';
import { onCallsStored } from '../import/import.service.js';
import { callbackAbandonedCalls } from './abandoned-callbacks.js';
import { linkCallsToCustomers } from './link-customers.js';
import { callTicketRoutes, recordsRoutes } from './records.routes.js';

/** Call records: list and detail in the reader's data scope, linking to customers, call → ticket. */
export const callRecordsModule: ModuleManifest = {
  name: 'calls/records',
  routes: [
    { plugin: recordsRoutes, prefix: '/api/v1/calls' },
    { plugin: callTicketRoutes, prefix: '/api/v1/call-tickets' },
  ],
  errors: ['calls.not_found', 'calls.ticket_type_missing'],
  // Every batch an import (or a live event) stores is linked to customers by caller number, then its
  // abandoned calls of known customers become callback tasks — in the batch's transaction.
  start({ deps }) {
    onCallsStored(async (db, ids) => {
      await linkCallsToCustomers(db, { callIds: ids });
      await callbackAbandonedCalls(db, deps, ids);
    });
  },
  stop() {
    onCallsStored(null);
  },
};
