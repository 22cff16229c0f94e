import { page, type WebModule } from '../../webModule';

/**
 * Calls and KPIs (话务与指标, server module `calls`): the `/calls` menu group — the KPI dashboard
 * against the call settings' targets with drill-down to the calls, the live wall board, Erlang C
 * staffing with the intraday forecast (calls.read), and the PBX call import (calls.import).
 */
export const callsModule: WebModule = {
  name: 'calls',
  namespaces: ['calls'],
  routes: [
    {
      path: '/calls',
      order: 28,
      nameKey: 'callsGroup',
      children: [
        {
          path: '/calls/kpis',
          nameKey: 'callKpis',
          access: 'calls.read',
          element: page(() => import('./KpiDashboardPage'), 'KpiDashboardPage'),
        },
        {
          path: '/calls/wallboard',
          nameKey: 'callWallboard',
          access: 'calls.read',
          element: page(() => import('./WallboardPage'), 'WallboardPage'),
        },
        {
          path: '/calls/staffing',
          nameKey: 'callStaffing',
          access: 'calls.read',
          element: page(() => import('./StaffingPage'), 'StaffingPage'),
        },
        {
          path: '/calls/imports',
          nameKey: 'callImports',
          access: 'calls.import',
          element: page(() => import('./CallImportPage'), 'CallImportPage'),
        },
      ],
    },
  ],
};
