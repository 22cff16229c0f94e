import type { ModuleManifest } from '../../lib/module.js';
import { slaClocksModule } from './clocks/clocks.module.js';
import { slaEscalationModule } from './escalation/escalation.module.js';
import { slaPoliciesModule } from './policies/policies.module.js';
import { slaReportModule } from './report/report.module.js';

/**
 * Time limits (时限与预警): SLA policies by type × priority × customer grade, clocks rebuilt from the
 * ticket's history, warnings and multi-level escalation ladders, and their measurement.
 */
export const slaModule: ModuleManifest = {
  name: 'sla',
  description: 'Time limits: SLA policies, clocks rebuilt from history, warnings, escalation ladders, measurement',
  permissions: ['sla.read', 'sla.manage', 'sla.escalate', 'sla.report'],
  // Report and policy routes first: their static paths (/report, /policies/matrix) before the clocks' parameters.
  parts: [slaReportModule, slaPoliciesModule, slaEscalationModule, slaClocksModule],
};
