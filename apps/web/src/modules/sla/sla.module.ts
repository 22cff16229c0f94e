import { page, type WebModule } from '../../webModule';
import { slaPoliciesModule } from './policies/policies.module';
import { slaReportModule } from './report/report.module';

/**
 * Time limits (server module `sla`): the clocks panel on the ticket page (sla/clocks, used by
 * tickets/core's TicketPage) and the "at risk" queue under the tickets menu group.
 */
export const slaModule: WebModule = {
  name: 'sla',
  namespaces: ['sla'],
  parts: [slaPoliciesModule, slaReportModule],
  routes: [
    {
      path: '/tickets/at-risk',
      order: 15,
      nameKey: 'slaAtRisk',
      access: 'sla.read',
      element: page(() => import('./at-risk/AtRiskPage'), 'AtRiskPage'),
    },
  ],
};
