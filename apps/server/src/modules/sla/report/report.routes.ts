import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../../lib/deps.js';
import { attachmentHeader } from '../../../lib/export.js';
import { problems } from '../../../lib/route-helpers.js';
import { actorContext } from '../../../plugins/auth.js';
import {
  SlaReportExportQuerySchema,
  SlaReportQuerySchema,
  SlaReportSchema,
  SlaTrendQuerySchema,
  SlaTrendSchema,
} from './report.schemas.js';
import * as service from './report.service.js';

/** SLA measurement: /api/v1/sla/report… (clocks in the caller's data scope; docs/sla.md). */
export const slaReportRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/report',
    {
      config: { access: 'sla.report' },
      schema: {
        operationId: 'getSlaReport',
        summary:
          'SLA achievement per agent, team, type, priority or month: each metric’s met/breached/rate, paused minutes, escalations per level and the weighted SLA rate',
        querystring: SlaReportQuerySchema,
        response: { 200: SlaReportSchema, ...problems },
      },
    },
    async (request) => {
      const ctx = actorContext(request);
      return service.slaReport(deps, ctx.actor, ctx.locale, request.query);
    },
  );

  app.get(
    '/report/trend',
    {
      config: { access: 'sla.report' },
      schema: {
        operationId: 'getSlaTrend',
        summary: 'The weighted SLA rate and each metric’s rate per day, week or month of a period',
        querystring: SlaTrendQuerySchema,
        response: { 200: SlaTrendSchema, ...problems },
      },
    },
    async (request) => service.slaTrend(deps, actorContext(request).actor, request.query),
  );

  app.get(
    '/report/export',
    {
      config: { access: 'sla.report' },
      schema: {
        operationId: 'exportSlaReport',
        summary: 'Export the SLA achievement report as CSV (UTF-8 with BOM) or Excel (audited)',
        querystring: SlaReportExportQuerySchema,
        response: { 200: z.any().describe('text/csv or .xlsx file'), ...problems },
      },
    },
    async (request, reply) => {
      const file = await service.exportSlaReport(deps, actorContext(request), request.query);
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', attachmentHeader(file.filename))
        .send(file.stream);
    },
  );
};
