/** The sla module's API for other modules. */
export { SLA_METRICS, type SlaMetric } from './sla.tables.js';
