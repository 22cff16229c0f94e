import { page, type WebModule } from '../../../webModule';

/**
 * SLA measurement (sla/report): the SLA dashboard — each time limit's achievement, paused time,
 * escalations per level and the weighted SLA rate, per agent, team, type, priority or month, with
 * the trend and the export. For sla.report (supervisors, department managers, the general manager).
 */
export const slaReportModule: WebModule = {
  name: 'sla/report',
  namespaces: ['slaReport'],
  routes: [
    {
      path: '/tickets/sla-report',
      order: 55,
      nameKey: 'slaReport',
      access: 'sla.report',
      element: page(() => import('./SlaReportPage'), 'SlaReportPage'),
    },
  ],
};
