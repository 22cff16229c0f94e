import { page, type WebModule } from '../../../webModule';

/**
 * Callback work (callbacks/work): my callbacks today (due first), the call screen (history, script,
 * attempts, outcome, complaint) and the callback report (coverage, on-time rate, unreached list).
 */
export const callbacksWorkModule: WebModule = {
  name: 'callbacks/work',
  namespaces: ['callbacksWork'],
  routes: [
    {
      path: '/callbacks/today',
      order: 10,
      nameKey: 'callbacksToday',
      access: 'callbacks.work',
      element: page(() => import('./MyCallbacksPage'), 'MyCallbacksPage'),
    },
    {
      path: '/callbacks/report',
      order: 40,
      nameKey: 'callbacksReport',
      access: 'surveys.report',
      element: page(() => import('./CallbacksReportPage'), 'CallbacksReportPage'),
    },
    {
      path: '/callbacks/:id',
      order: 90,
      nameKey: 'callback',
      access: 'callbacks.work',
      hideInMenu: true,
      element: page(() => import('./CallbackPage'), 'CallbackPage'),
    },
  ],
};
