/** The calls module's API for other modules and the demo seed. */
export { CALL_OUTCOMES, CALL_SOURCES, type CallOutcome, type CallSource } from './calls.tables.js';
export { type AfterCallsStored, onCallsStored } from './import/import.service.js';
export { linkCallsToCustomers } from './records/link-customers.js';
