import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../../lib/deps.js';
import { PageQuerySchema, pageOf } from '../../../lib/pagination.js';
import { NoContent, problems } from '../../../lib/route-helpers.js';
import { actorContext } from '../../../plugins/auth.js';
import {
  ContactInputSchema,
  CustomerIdParamsSchema,
  CustomerSchema,
  StaffInputSchema,
} from '../archive/customers.schemas.js';
import * as service from '../archive/customers.service.js';
import * as milestones from './milestones.service.js';

const ContactParams = CustomerIdParamsSchema.extend({ contactId: z.uuid() });
const MilestoneParams = CustomerIdParamsSchema.extend({ milestoneId: z.uuid() });

const TimelineEntrySchema = z
  .object({
    id: z.number().int(),
    at: z.date(),
    kind: z.string(),
    channel: z.string().nullable(),
    direction: z.string().nullable(),
    title: z.string().describe('What happened, worded in the request’s language'),
    titleKey: z
      .string()
      .nullable()
      .describe(
        'The stable key of a system entry (e.g. `customer.created`, `ticket.created`); null for entries a person wrote',
      ),
    body: z.string().nullable(),
    actorId: z.string().nullable(),
    actorName: z.string().nullable(),
    before: z.unknown().nullable(),
    after: z.unknown().nullable(),
    refType: z.string().nullable(),
    refId: z.string().nullable(),
  })
  .meta({ id: 'CustomerTimelineEntry' });

const LogContactBodySchema = z.strictObject({
  kind: z.enum(['call', 'email', 'visit', 'letter', 'fax', 'wechat', 'note']),
  direction: z.enum(['inbound', 'outbound']).optional(),
  at: z.coerce.date().optional(),
  title: z.string().trim().min(1).max(200),
  body: z.string().trim().max(10000).nullable().optional(),
});

const MilestoneSchema = z
  .object({
    id: z.uuid(),
    typeKey: z.string(),
    typeName: z.string(),
    date: z.string(),
    orderId: z.uuid().nullable(),
    orderNo: z.string().nullable(),
    note: z.string().nullable(),
    createdAt: z.date(),
  })
  .meta({ id: 'CustomerMilestone' });

const SetMilestoneBodySchema = z.strictObject({
  typeKey: z.string().min(1).max(64),
  date: z.iso.date(),
  orderId: z.uuid().nullable().optional(),
  note: z.string().trim().max(500).nullable().optional(),
});

/** Contacts, staff contacts, timeline and milestones of one customer: /api/v1/customers/:id/… */
export const customerRecordsRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const tags = ['customers'];

  app.post(
    '/:id/contacts',
    {
      config: { access: 'customers.write' },
      schema: {
        tags,
        operationId: 'createCustomerContact',
        summary: 'Add a contact person',
        params: CustomerIdParamsSchema,
        body: ContactInputSchema,
        response: { 201: CustomerSchema, ...problems },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.addContact(deps, actorContext(request), request.params.id, request.body)),
  );

  app.patch(
    '/:id/contacts/:contactId',
    {
      config: { access: 'customers.write' },
      schema: {
        tags,
        operationId: 'updateCustomerContact',
        summary: 'Update a contact person',
        params: ContactParams,
        body: ContactInputSchema.partial(),
        response: { 200: CustomerSchema, ...problems },
      },
    },
    async (request) =>
      service.updateContact(deps, actorContext(request), request.params.id, request.params.contactId, request.body),
  );

  app.delete(
    '/:id/contacts/:contactId',
    {
      config: { access: 'customers.write' },
      schema: {
        tags,
        operationId: 'deleteCustomerContact',
        summary: 'Remove a contact person',
        params: ContactParams,
        response: { 204: NoContent, ...problems },
      },
    },
    async (request, reply) => {
      await service.removeContact(deps, actorContext(request), request.params.id, request.params.contactId);
      return reply.status(204).send(null);
    },
  );

  app.put(
    '/:id/staff',
    {
      config: { access: 'customers.write' },
      schema: {
        tags,
        operationId: 'setCustomerStaff',
        summary: 'Set the staff contacts (key customers need two)',
        params: CustomerIdParamsSchema,
        body: z.strictObject({ staff: z.array(StaffInputSchema).max(20) }),
        response: { 200: CustomerSchema, ...problems },
      },
    },
    async (request) => service.setStaff(deps, actorContext(request), request.params.id, request.body.staff),
  );

  app.get(
    '/:id/timeline',
    {
      config: { access: 'customers.read' },
      schema: {
        tags,
        operationId: 'listCustomerTimeline',
        summary: 'The customer’s timeline, newest first (audited)',
        params: CustomerIdParamsSchema,
        querystring: PageQuerySchema.extend({ kind: z.string().max(200).optional() }),
        response: { 200: pageOf(TimelineEntrySchema), ...problems },
      },
    },
    async (request) => {
      const { kind, ...page } = request.query;
      return service.getTimeline(deps, actorContext(request), request.params.id, kind?.split(','), page);
    },
  );

  app.post(
    '/:id/timeline',
    {
      config: { access: 'customers.write' },
      schema: {
        tags,
        operationId: 'createCustomerTimelineEntry',
        summary: 'Log a call, e-mail, visit, letter/fax, WeChat exchange or note',
        params: CustomerIdParamsSchema,
        body: LogContactBodySchema,
        response: { 204: NoContent, ...problems },
      },
    },
    async (request, reply) => {
      await service.logContact(deps, actorContext(request), request.params.id, request.body);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/:id/milestones',
    {
      config: { access: 'customers.read' },
      schema: {
        tags,
        operationId: 'listCustomerMilestones',
        summary: 'Milestone dates of the customer and its orders (audited)',
        params: CustomerIdParamsSchema,
        response: { 200: z.object({ items: z.array(MilestoneSchema) }), ...problems },
      },
    },
    async (request) => milestones.listMilestones(deps, actorContext(request), request.params.id),
  );

  app.post(
    '/:id/milestones',
    {
      config: { access: 'customers.write' },
      schema: {
        tags,
        operationId: 'setCustomerMilestone',
        summary: 'Set a milestone date (drives callbacks)',
        params: CustomerIdParamsSchema,
        body: SetMilestoneBodySchema,
        response: { 201: z.object({ id: z.uuid() }), ...problems },
      },
    },
    async (request, reply) => {
      const row = await milestones.setMilestone(deps, actorContext(request), request.params.id, request.body);
      return reply.status(201).send({ id: row.id });
    },
  );

  app.delete(
    '/:id/milestones/:milestoneId',
    {
      config: { access: 'customers.write' },
      schema: {
        tags,
        operationId: 'deleteCustomerMilestone',
        summary: 'Remove a milestone',
        params: MilestoneParams,
        response: { 204: NoContent, ...problems },
      },
    },
    async (request, reply) => {
      await milestones.removeMilestone(deps, actorContext(request), request.params.id, request.params.milestoneId);
      return reply.status(204).send(null);
    },
  );
};
