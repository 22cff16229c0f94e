import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../../lib/deps.js';
import { attachmentHeader } from '../../../lib/export.js';
import { problems } from '../../../lib/route-helpers.js';
import { actorContext } from '../../../plugins/auth.js';
import { IntakeReportExportQuerySchema, IntakeReportQuerySchema, IntakeReportSchema } from './intake.schemas.js';
import { exportIntakeReport, intakeReport } from './intake.service.js';

/** The complaint intake report: /api/v1/ticket-reports/intake… (caller's data scope; docs/reports.md). */
export const intakeReportRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/intake',
    {
      config: { access: 'tickets.read' },
      schema: {
        tags: ['tickets'],
        operationId: 'getIntakeReport',
        summary:
          'Complaints received, closed, open, overdue and major in a period (default: this month) and the one before, per type, channel or department, with a received/closed trend',
        querystring: IntakeReportQuerySchema,
        response: { 200: IntakeReportSchema, ...problems },
      },
    },
    async (request) => {
      const ctx = actorContext(request);
      return intakeReport(deps, ctx.actor, ctx.locale, request.query);
    },
  );

  app.get(
    '/intake/export',
    {
      config: { access: 'tickets.read' },
      schema: {
        tags: ['tickets'],
        operationId: 'exportIntakeReport',
        summary:
          'Export the complaint intake report as Excel or CSV (UTF-8 with BOM): a row per group, then the totals of the period and of the one before (counts only)',
        querystring: IntakeReportExportQuerySchema,
        response: { 200: z.any().describe('.xlsx or text/csv file'), ...problems },
      },
    },
    async (request, reply) => {
      const ctx = actorContext(request);
      const file = await exportIntakeReport(deps, ctx.actor, ctx.locale, request.query);
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', attachmentHeader(file.filename))
        .send(file.stream);
    },
  );
};
