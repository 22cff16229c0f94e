import { page, type WebModule } from '../../../webModule';

/** Improvement measures, the complaint intake report and the root-cause report. */
export const ticketsMeasuresModule: WebModule = {
  name: 'tickets/measures',
  namespaces: ['ticketsMeasures'],
  routes: [
    {
      path: '/tickets/measures',
      order: 40,
      nameKey: 'improvementMeasures',
      access: 'tickets.read',
      element: page(() => import('./MeasuresPage'), 'MeasuresPage'),
    },
    {
      path: '/tickets/reports/intake',
      order: 48,
      nameKey: 'intakeReport',
      access: 'tickets.read',
      element: page(() => import('./IntakeReportPage'), 'IntakeReportPage'),
    },
    {
      path: '/tickets/reports',
      order: 50,
      nameKey: 'ticketReports',
      access: 'tickets.read',
      element: page(() => import('./RootCauseReportPage'), 'RootCauseReportPage'),
    },
  ],
};
