import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../../lib/deps.js';
import { problems } from '../../../lib/route-helpers.js';
import { actorContext } from '../../../plugins/auth.js';
import { CallbackSettingsPatchSchema, CallbackSettingsSchema } from './settings.schemas.js';
import { getCallbackSettings, updateCallbackSettings } from './settings.service.js';

/** /api/v1/callback-settings: quiet windows, the per-customer cap, retries and the deadline clock. */
export const settingsRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '',
    {
      config: { access: 'callbacks.work' },
      schema: {
        operationId: 'getCallbackSettings',
        summary: 'The scheduling rules of callbacks: quiet windows, per-customer cap, same-day retries, deadline',
        response: { 200: CallbackSettingsSchema, ...problems },
      },
    },
    async () => getCallbackSettings(deps),
  );

  app.patch(
    '',
    {
      config: { access: 'callbacks.manage' },
      schema: {
        operationId: 'updateCallbackSettings',
        summary:
          'Change the scheduling rules (callbacks made or retried from then on); windows leaving less than an hour of the day are refused',
        body: CallbackSettingsPatchSchema,
        response: { 200: CallbackSettingsSchema, ...problems },
      },
    },
    async (request) => updateCallbackSettings(deps, actorContext(request), request.body),
  );
};
