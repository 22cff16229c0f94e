import type { ModuleManifest } from '../../../lib/module.js';
import { intakeReportRoutes } from './intake.routes.js';
import { improvementMeasuresRoutes, ticketMeasuresRoutes } from './measures.routes.js';
import { ticketReportsRoutes } from './reports.routes.js';

/** Improvement measures, the root-cause report and the complaint intake report. */
export const ticketsMeasuresModule: ModuleManifest = {
  name: 'tickets/measures',
  routes: [
    { plugin: ticketMeasuresRoutes, prefix: '/api/v1/tickets' },
    { plugin: improvementMeasuresRoutes, prefix: '/api/v1/improvement-measures' },
    { plugin: ticketReportsRoutes, prefix: '/api/v1/ticket-reports' },
    { plugin: intakeReportRoutes, prefix: '/api/v1/ticket-reports' },
  ],
  errors: [
    'tickets.measure_not_found',
    'tickets.measure_owner_not_eligible',
    'tickets.measure_due_in_past',
    'tickets.measure_done_note_required',
  ],
  events: ['ticket.measure_updated'],
};
