import { keyedTable } from '../../../lib/keyed-table.js';
import { ticketRootCauses, ticketTypes } from '../tickets.tables.js';

/** Runs a delete in a savepoint; `false` when tickets still point at the row (deactivate it instead). */
export { tryDelete } from '../../../lib/keyed-table.js';

export type TicketTypeRow = typeof ticketTypes.$inferSelect;
export type RootCauseRow = typeof ticketRootCauses.$inferSelect;

export const {
  list: listTypes,
  find: findType,
  insert: insertType,
  update: updateType,
  delete: deleteType,
} = keyedTable(ticketTypes);

export const {
  list: listRootCauses,
  find: findRootCause,
  insert: insertRootCause,
  update: updateRootCause,
  delete: deleteRootCause,
} = keyedTable(ticketRootCauses);
