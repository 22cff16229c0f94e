import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { COUNT_LIMIT } from '../../lib/capped-count.js';
import type { Deps } from '../../lib/deps.js';
import { attachmentHeader } from '../../lib/export.js';
import { pageOf } from '../../lib/pagination.js';
import { problems } from '../../lib/route-helpers.js';
import { actorContext } from '../../plugins/auth.js';
import { AuditEntrySchema, ExportAuditQuerySchema, ListAuditQuerySchema } from './audit.schemas.js';
import * as service from './audit.service.js';

/** Counting stops after COUNT_LIMIT rows: beyond, `total` is that limit and `totalExact` false. */
const AuditPageSchema = pageOf(AuditEntrySchema).extend({
  totalExact: z
    .boolean()
    .describe(
      `false when more than ${COUNT_LIMIT.toLocaleString('en')} entries match: \`total\` is then ${COUNT_LIMIT} (counting stops there)`,
    ),
});

/** Read-only by design: the audit log has no route that writes, edits or deletes. */
export const auditRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '',
    {
      config: { access: 'audit.read' },
      schema: {
        tags: ['audit'],
        operationId: 'listAuditEntries',
        summary: "Search the audit log within the caller's data scope (personal fields masked below scope all)",
        querystring: ListAuditQuerySchema,
        response: { 200: AuditPageSchema, ...problems },
      },
    },
    async (request) => {
      const { page, pageSize, sort, ...filter } = request.query;
      const ctx = actorContext(request);
      return service.listAuditEntries(deps, ctx.actor, filter, { page, pageSize, sort }, ctx.locale);
    },
  );

  app.get(
    '/export',
    {
      config: { access: 'audit.export' },
      schema: {
        tags: ['audit'],
        operationId: 'exportAuditEntries',
        summary:
          "Export the filtered audit log within the caller's data scope as CSV (UTF-8 with BOM) or Excel, personal fields masked",
        querystring: ExportAuditQuerySchema,
        response: { 200: z.any().describe('text/csv or .xlsx file'), ...problems },
      },
    },
    async (request, reply) => {
      const { format, ...filter } = request.query;
      const file = await service.exportAuditEntries(deps, actorContext(request), filter, format);
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', attachmentHeader(file.filename))
        .send(file.stream);
    },
  );
};
