import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../../lib/deps.js';
import { PageQuerySchema, pageOf } from '../../../lib/pagination.js';
import { problems } from '../../../lib/route-helpers.js';
import { actorContext } from '../../../plugins/auth.js';
import { GRADES } from '../customers.tables.js';
import { keyStaffShortfall } from './reports.service.js';

const ShortfallItemSchema = z
  .object({
    id: z.uuid(),
    code: z.string(),
    name: z.string(),
    grade: z.enum(GRADES).nullable(),
    isKey: z.boolean(),
    ownerId: z.uuid().nullable(),
    ownerName: z.string().nullable(),
    /** false when the owner's account is deactivated; null without an owner. */
    ownerActive: z.boolean().nullable(),
    /** Active staff contacts (the owner included); fewer than the two a key customer needs. */
    staffCount: z.number().int(),
  })
  .meta({ id: 'KeyStaffShortfallItem' });

/** Reports over the customer archive: /api/v1/customer-reports/… (caller's data scope). */
export const customerReportsRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/key-staff-shortfall',
    {
      config: { access: 'customers.read' },
      schema: {
        tags: ['customers'],
        operationId: 'getKeyStaffShortfallReport',
        summary: 'Key customers (flagged or grade A) with fewer than two active staff contacts',
        querystring: PageQuerySchema.omit({ sort: true }),
        response: { 200: pageOf(ShortfallItemSchema), ...problems },
      },
    },
    async (request) => keyStaffShortfall(deps, actorContext(request), { ...request.query, sort: undefined }),
  );
};
