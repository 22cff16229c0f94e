import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../../lib/deps.js';
import { problems } from '../../../lib/route-helpers.js';
import { actorContext } from '../../../plugins/auth.js';
import {
  ChannelParamsSchema,
  ChannelSettingsSchema,
  CustomerIdParamsSchema,
  CustomerPreferenceSchema,
  MyPreferencesSchema,
  UpdateChannelSettingsSchema,
  UpdateCustomerPreferenceSchema,
  UpdateMyPreferencesSchema,
} from './preferences.schemas.js';
import * as service from './preferences.service.js';

const tags = ['notifications'];

/** The caller's own choices: /api/v1/notification-preferences */
export const myPreferencesRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        operationId: 'getMyNotificationPreferences',
        summary: 'Which channels I get each kind of notification by',
        response: { 200: MyPreferencesSchema, ...problems },
      },
    },
    async (request) => service.myPreferences(deps, actorContext(request).actor),
  );
  app.put(
    '/',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        operationId: 'updateMyNotificationPreferences',
        summary: 'Choose the channels of the topics given (in-app is always on)',
        body: UpdateMyPreferencesSchema,
        response: { 200: MyPreferencesSchema, ...problems },
      },
    },
    async (request) => service.updateMyPreferences(deps, actorContext(request), request.body),
  );
};

/** A customer's preferred channel and opt-out: /api/v1/notification-customer-preferences/{customerId} */
export const customerPreferencesRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/:customerId',
    {
      config: { access: 'customers.read' },
      schema: {
        tags,
        operationId: 'getCustomerNotificationPreference',
        summary: "A customer's preferred channel and opt-out (customer in my data scope)",
        params: CustomerIdParamsSchema,
        response: { 200: CustomerPreferenceSchema, ...problems },
      },
    },
    async (request) => service.getCustomerPreference(deps, actorContext(request).actor, request.params.customerId),
  );
  app.put(
    '/:customerId',
    {
      config: { access: 'customers.write' },
      schema: {
        tags,
        operationId: 'updateCustomerNotificationPreference',
        summary: "Set a customer's preferred channel and opt-out",
        params: CustomerIdParamsSchema,
        body: UpdateCustomerPreferenceSchema,
        response: { 200: CustomerPreferenceSchema, ...problems },
      },
    },
    async (request) =>
      service.updateCustomerPreference(deps, actorContext(request), request.params.customerId, request.body),
  );
};

/** Delivery channels' settings: /api/v1/notification-channels */
export const channelSettingsRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/',
    {
      config: { access: 'notifications.manage' },
      schema: {
        tags,
        operationId: 'listNotificationChannels',
        summary: 'Delivery channels: enabled, rate limit, quiet hours, attempts',
        response: { 200: z.object({ items: z.array(ChannelSettingsSchema) }), ...problems },
      },
    },
    async () => ({ items: await service.listChannelSettings(deps) }),
  );
  app.put(
    '/:channel',
    {
      config: { access: 'notifications.manage' },
      schema: {
        tags,
        operationId: 'updateNotificationChannel',
        summary: "Change a delivery channel's settings",
        params: ChannelParamsSchema,
        body: UpdateChannelSettingsSchema,
        response: { 200: ChannelSettingsSchema, ...problems },
      },
    },
    async (request) => service.updateChannelSettings(deps, actorContext(request), request.params.channel, request.body),
  );
};
