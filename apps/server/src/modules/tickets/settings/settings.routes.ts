import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../../lib/deps.js';
import { keyedSettingsRoutes } from '../../../lib/keyed-settings-routes.js';
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

const access = { read: 'tickets.read', write: 'tickets.settings' } as const;
const tags = ['ticket-settings'];
const keyed = {
  query: ActiveOnlyQuerySchema,
  params: TicketSettingKeyParamsSchema,
  deleted: TicketSettingDeleteResultSchema,
};

/**
 * Reference data of tickets: /api/v1/ticket-settings/{types,root-causes}. Everyone who reads
 * tickets reads these (forms and filters need them); `tickets.settings` edits them. Every write is
 * audited. DELETE removes an entry no ticket uses and deactivates one that tickets use.
 */
export const ticketSettingsRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  keyedSettingsRoutes(app, deps, {
    path: '/types',
    tags,
    access,
    schemas: {
      item: TicketTypeSchema,
      create: CreateTicketTypeBodySchema,
      update: UpdateTicketTypeBodySchema,
      ...keyed,
    },
    service: ticketTypeSettings,
    operations: {
      list: { operationId: 'listTicketTypes', summary: 'Ticket types (localized names)' },
      create: { operationId: 'createTicketType', summary: 'Add a ticket type' },
      update: { operationId: 'updateTicketType', summary: 'Change a ticket type (isActive: false deactivates it)' },
      delete: {
        operationId: 'deleteTicketType',
        summary: 'Delete a ticket type, or deactivate it when tickets use it',
      },
    },
  });

  keyedSettingsRoutes(app, deps, {
    path: '/root-causes',
    tags,
    access,
    schemas: { item: RootCauseSchema, create: CreateRootCauseBodySchema, update: UpdateRootCauseBodySchema, ...keyed },
    service: rootCauseSettings,
    operations: {
      list: { operationId: 'listTicketRootCauses', summary: 'Root-cause categories (localized names)' },
      create: { operationId: 'createTicketRootCause', summary: 'Add a root-cause category' },
      update: {
        operationId: 'updateTicketRootCause',
        summary: 'Change a root-cause category (isActive: false deactivates it)',
      },
      delete: {
        operationId: 'deleteTicketRootCause',
        summary: 'Delete a root-cause category, or deactivate it when tickets use it',
      },
    },
  });
};
