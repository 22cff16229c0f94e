import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { COUNT_LIMIT } from '../../../lib/capped-count.js';
import type { Deps } from '../../../lib/deps.js';
import { pageOf } from '../../../lib/pagination.js';
import { problems } from '../../../lib/route-helpers.js';
import { actorContext } from '../../../plugins/auth.js';
import { ProblemSchema } from '../../../plugins/error-handler.js';
import {
  AddMessageBodySchema,
  CreateTicketBodySchema,
  ListTicketsQuerySchema,
  TicketHistoryEntrySchema,
  TicketIdParamsSchema,
  TicketListItemSchema,
  TicketMessageSchema,
  TicketSchema,
  TransitionBodySchema,
  UpdateTicketBodySchema,
  WaitingBodySchema,
} from './tickets.schemas.js';
import * as service from './tickets.service.js';

const TicketListPageSchema = pageOf(TicketListItemSchema).extend({
  totalExact: z.boolean().describe(`false when more than ${COUNT_LIMIT} tickets match (counting stops there)`),
});

/** A reply that hits forbidden phrases: 422 with the hits and their alternatives in `params.hits`. */
const withForbidden = { ...problems, 422: ProblemSchema };

export const ticketsRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '',
    {
      config: { access: 'tickets.read' },
      schema: {
        tags: ['tickets'],
        operationId: 'listTickets',
        summary: 'Queue: tickets in the caller’s scope (queue, filters, Chinese full-text search)',
        querystring: ListTicketsQuerySchema,
        response: { 200: TicketListPageSchema, ...problems },
      },
    },
    async (request) => {
      const { page, pageSize, sort, ...filter } = request.query;
      return service.listTickets(deps, actorContext(request), filter, { page, pageSize, sort });
    },
  );

  app.post(
    '',
    {
      config: { access: 'tickets.write' },
      schema: {
        tags: ['tickets'],
        operationId: 'createTicket',
        summary: 'Record a ticket (complaint protocol enforced; optional automatic assignment)',
        body: CreateTicketBodySchema,
        response: { 201: TicketSchema, ...withForbidden },
      },
    },
    async (request, reply) => {
      reply.code(201);
      return service.createTicket(deps, actorContext(request), request.body);
    },
  );

  app.get(
    '/:id',
    {
      config: { access: 'tickets.read' },
      schema: {
        tags: ['tickets'],
        operationId: 'getTicket',
        summary: 'One ticket with the actions the caller may take',
        params: TicketIdParamsSchema,
        response: { 200: TicketSchema, ...problems },
      },
    },
    async (request) => service.getTicket(deps, actorContext(request).actor, request.params.id),
  );

  app.patch(
    '/:id',
    {
      config: { access: 'tickets.write' },
      schema: {
        tags: ['tickets'],
        operationId: 'updateTicket',
        summary: 'Edit fields (optimistic locking: send the version you read)',
        params: TicketIdParamsSchema,
        body: UpdateTicketBodySchema,
        response: { 200: TicketSchema, ...problems },
      },
    },
    async (request) => service.updateTicket(deps, actorContext(request), request.params.id, request.body),
  );

  app.post(
    '/:id/transitions',
    {
      config: { access: 'tickets.write' },
      schema: {
        tags: ['tickets'],
        operationId: 'transitionTicket',
        summary: 'Take a lifecycle step: classify, start, resolve, feedback, close, reopen',
        params: TicketIdParamsSchema,
        body: TransitionBodySchema,
        response: { 200: TicketSchema, ...withForbidden },
      },
    },
    async (request) => service.transitionTicket(deps, actorContext(request), request.params.id, request.body),
  );

  app.post(
    '/:id/waiting',
    {
      config: { access: 'tickets.write' },
      schema: {
        tags: ['tickets'],
        operationId: 'setTicketWaiting',
        summary: 'Mark the ticket as waiting on the customer or a third party, or no longer waiting',
        params: TicketIdParamsSchema,
        body: WaitingBodySchema,
        response: { 200: TicketSchema, ...problems },
      },
    },
    async (request) => service.setWaiting(deps, actorContext(request), request.params.id, request.body),
  );

  app.get(
    '/:id/messages',
    {
      config: { access: 'tickets.read' },
      schema: {
        tags: ['tickets'],
        operationId: 'listTicketMessages',
        summary: 'The conversation: customer messages, replies and internal notes',
        params: TicketIdParamsSchema,
        response: { 200: z.array(TicketMessageSchema), ...problems },
      },
    },
    async (request) => service.getTicketMessages(deps, actorContext(request).actor, request.params.id),
  );

  app.post(
    '/:id/messages',
    {
      config: { access: 'tickets.write' },
      schema: {
        tags: ['tickets'],
        operationId: 'createTicketMessage',
        summary: 'Add a customer message, a reply (checked for forbidden phrases) or an internal note',
        params: TicketIdParamsSchema,
        body: AddMessageBodySchema,
        response: { 201: TicketMessageSchema, ...withForbidden },
      },
    },
    async (request, reply) => {
      reply.code(201);
      return service.addMessage(deps, actorContext(request), request.params.id, request.body);
    },
  );

  app.get(
    '/:id/history',
    {
      config: { access: 'tickets.read' },
      schema: {
        tags: ['tickets'],
        operationId: 'listTicketHistory',
        summary: 'Every change with who, when, before and after (append-only)',
        params: TicketIdParamsSchema,
        response: { 200: z.array(TicketHistoryEntrySchema), ...problems },
      },
    },
    async (request) => {
      const ctx = actorContext(request);
      return service.getTicketHistory(deps, ctx.actor, request.params.id, ctx.locale);
    },
  );
};
