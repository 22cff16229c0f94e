import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../../lib/deps.js';
import { problems } from '../../../lib/route-helpers.js';
import { actorContext } from '../../../plugins/auth.js';
import {
  ActiveOnlyQuerySchema,
  CreateRootCauseBodySchema,
  CreateTicketTypeBodySchema,
  RootCauseSchema,
  TicketSettingDeleteResultSchema,
  TicketSettingKeyParamsSchema,
  TicketTypeSchema,
  UpdateRootCauseBodySchema,
  UpdateTicketTypeBodySchema,
} from './settings.schemas.js';
import { rootCauseSettings, ticketTypeSettings } from './settings.service.js';

const listOf = <T extends z.ZodTypeAny>(item: T) => z.object({ items: z.array(item) });
const read = { access: 'tickets.read' } as const;
const write = { access: 'tickets.settings' } as const;

/**
 * Reference data of tickets: /api/v1/ticket-settings/{types,root-causes}. Everyone who reads
 * tickets reads these (forms and filters need them); `tickets.settings` edits them. Every write is
 * audited. DELETE removes an entry no ticket uses and deactivates one that tickets use.
 */
export const ticketSettingsRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const tags = ['ticket-settings'];

  app.get(
    '/types',
    {
      config: read,
      schema: {
        tags,
        operationId: 'listTicketTypes',
        summary: 'Ticket types (localized names)',
        querystring: ActiveOnlyQuerySchema,
        response: { 200: listOf(TicketTypeSchema), ...problems },
      },
    },
    async (request) => ticketTypeSettings.list(deps, request.locale, request.query.activeOnly),
  );

  app.post(
    '/types',
    {
      config: write,
      schema: {
        tags,
        operationId: 'createTicketType',
        summary: 'Add a ticket type',
        body: CreateTicketTypeBodySchema,
        response: { 201: TicketTypeSchema, ...problems },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await ticketTypeSettings.create(deps, actorContext(request), request.body)),
  );

  app.patch(
    '/types/:key',
    {
      config: write,
      schema: {
        tags,
        operationId: 'updateTicketType',
        summary: 'Change a ticket type (isActive: false deactivates it)',
        params: TicketSettingKeyParamsSchema,
        body: UpdateTicketTypeBodySchema,
        response: { 200: TicketTypeSchema, ...problems },
      },
    },
    async (request) => ticketTypeSettings.update(deps, actorContext(request), request.params.key, request.body),
  );

  app.delete(
    '/types/:key',
    {
      config: write,
      schema: {
        tags,
        operationId: 'deleteTicketType',
        summary: 'Delete a ticket type, or deactivate it when tickets use it',
        params: TicketSettingKeyParamsSchema,
        response: { 200: TicketSettingDeleteResultSchema, ...problems },
      },
    },
    async (request) => ticketTypeSettings.remove(deps, actorContext(request), request.params.key),
  );

  app.get(
    '/root-causes',
    {
      config: read,
      schema: {
        tags,
        operationId: 'listTicketRootCauses',
        summary: 'Root-cause categories (localized names)',
        querystring: ActiveOnlyQuerySchema,
        response: { 200: listOf(RootCauseSchema), ...problems },
      },
    },
    async (request) => rootCauseSettings.list(deps, request.locale, request.query.activeOnly),
  );

  app.post(
    '/root-causes',
    {
      config: write,
      schema: {
        tags,
        operationId: 'createTicketRootCause',
        summary: 'Add a root-cause category',
        body: CreateRootCauseBodySchema,
        response: { 201: RootCauseSchema, ...problems },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await rootCauseSettings.create(deps, actorContext(request), request.body)),
  );

  app.patch(
    '/root-causes/:key',
    {
      config: write,
      schema: {
        tags,
        operationId: 'updateTicketRootCause',
        summary: 'Change a root-cause category (isActive: false deactivates it)',
        params: TicketSettingKeyParamsSchema,
        body: UpdateRootCauseBodySchema,
        response: { 200: RootCauseSchema, ...problems },
      },
    },
    async (request) => rootCauseSettings.update(deps, actorContext(request), request.params.key, request.body),
  );

  app.delete(
    '/root-causes/:key',
    {
      config: write,
      schema: {
        tags,
        operationId: 'deleteTicketRootCause',
        summary: 'Delete a root-cause category, or deactivate it when tickets use it',
        params: TicketSettingKeyParamsSchema,
        response: { 200: TicketSettingDeleteResultSchema, ...problems },
      },
    },
    async (request) => rootCauseSettings.remove(deps, actorContext(request), request.params.key),
  );
};
