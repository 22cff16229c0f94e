import type { ModuleManifest } from '../../../lib/module.js';
import { slaReportRoutes } from './report.routes.js';

/** Measurement: achievement per metric, the weighted SLA rate (docs/sla.md), trend and export. */
export const slaReportModule: ModuleManifest = {
  name: 'sla/report',
  routes: [{ plugin: slaReportRoutes, prefix: '/api/v1/sla' }],
};
