import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../lib/deps.js';
import { problems } from '../../lib/route-helpers.js';
import { actorContext } from '../../plugins/auth.js';
import {
  SmsSettingsSchema,
  TestSmsBodySchema,
  TestSmsResultSchema,
  UpdateSmsSettingsBodySchema,
} from './sms.schemas.js';
import * as service from './sms.service.js';

/** SMS settings and the test message: /api/v1/sms/… (administrators of notifications). */
export const smsRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/settings',
    {
      config: { access: 'notifications.manage' },
      schema: {
        operationId: 'getSmsSettings',
        summary: 'The SMS provider settings (the AccessKey secret is never answered: `hasSecret`)',
        response: { 200: SmsSettingsSchema, ...problems },
      },
    },
    async () => service.getSmsSettings(deps),
  );

  app.put(
    '/settings',
    {
      config: { access: 'notifications.manage' },
      schema: {
        operationId: 'updateSmsSettings',
        summary:
          'Save the SMS provider settings (409 when `version` is stale; `accessKeySecret` left out keeps the stored one)',
        body: UpdateSmsSettingsBodySchema,
        response: { 200: SmsSettingsSchema, ...problems },
      },
    },
    async (request) => service.updateSmsSettings(deps, actorContext(request), request.body),
  );

  app.post(
    '/settings/test',
    {
      config: { access: 'notifications.manage' },
      schema: {
        operationId: 'testSmsSettings',
        summary: "Send a test message with the saved settings and the default template; answers the provider's reply",
        body: TestSmsBodySchema,
        response: { 200: TestSmsResultSchema, ...problems },
      },
    },
    async (request) => service.testSms(deps, actorContext(request), request.body.phone),
  );
};
