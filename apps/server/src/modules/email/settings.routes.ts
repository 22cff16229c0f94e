import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../lib/deps.js';
import { problems } from '../../lib/route-helpers.js';
import { actorContext } from '../../plugins/auth.js';
import {
  EmailSettingsSchema,
  TestEmailBodySchema,
  TestEmailResultSchema,
  UpdateEmailSettingsBodySchema,
} from './settings.schemas.js';
import * as service from './settings.service.js';

/** E-mail settings and the test mail: /api/v1/email/settings… (administrators of notifications). */
export const emailSettingsRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/settings',
    {
      config: { access: 'notifications.manage' },
      schema: {
        operationId: 'getEmailSettings',
        summary: 'The SMTP, sender, DKIM and IMAP settings (passwords and the DKIM key are never answered)',
        response: { 200: EmailSettingsSchema, ...problems },
      },
    },
    async () => service.getEmailSettings(deps),
  );

  app.put(
    '/settings',
    {
      config: { access: 'notifications.manage' },
      schema: {
        operationId: 'updateEmailSettings',
        summary:
          'Save the e-mail settings (409 when `version` is stale; a password or key left out keeps the stored one, "" removes it)',
        body: UpdateEmailSettingsBodySchema,
        response: { 200: EmailSettingsSchema, ...problems },
      },
    },
    async (request) => service.updateEmailSettings(deps, actorContext(request), request.body),
  );

  app.post(
    '/settings/test',
    {
      config: { access: 'notifications.manage' },
      schema: {
        operationId: 'testEmailSettings',
        summary: "Send a test mail now with the saved settings; answers the SMTP server's reply",
        body: TestEmailBodySchema,
        response: { 200: TestEmailResultSchema, ...problems },
      },
    },
    async (request) => service.testEmail(deps, actorContext(request), request.body.to),
  );
};
