/** The sla module's API for other modules. */

export {
  type ClockFacts,
  type ClockPolicy,
  type ComputedClock,
  computeClocks,
  resolvePolicy,
} from './clocks/clock-engine.js';
export { computeTicketClocks, recomputeTicketClocks, ticketSla } from './clocks/clocks.service.js';
export { RECOMPUTE_JOB } from './clocks/recompute-request.js';
export { ensureSlaSeeded, ensureSlaSeededIn, seedSlaDemo } from './policies/policies.seed.js';
export { slaAchievementRate } from './report/report.service.js';
export { SLA_METRICS, type SlaMetric } from './sla.tables.js';
