import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../../lib/deps.js';
import { pageOf } from '../../../lib/pagination.js';
import { problems } from '../../../lib/route-helpers.js';
import { listMessages } from '../messages.repository.js';
import { pollMailbox } from './imap.poll.js';
import { EmailMessageSchema, ListEmailMessagesQuerySchema, PollResultSchema } from './inbound.schemas.js';

/** The mailbox: poll now, and what became of every mail read. /api/v1/email/… */
export const inboundRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  app.post(
    '/poll',
    {
      config: { access: 'notifications.manage' },
      schema: {
        operationId: 'pollEmail',
        summary: 'Read the IMAP mailbox now (400 email.not_configured; 502 email.imap_failed); answers the counts',
        response: { 200: PollResultSchema, 502: problems[400], ...problems },
      },
    },
    async () => pollMailbox(deps),
  );

  app.get(
    '/inbound',
    {
      config: { access: 'notifications.manage' },
      schema: {
        operationId: 'listEmailMessages',
        summary: 'Mails read (created a ticket, threaded onto one, ignored with why, skipped), newest first',
        querystring: ListEmailMessagesQuerySchema,
        response: { 200: pageOf(EmailMessageSchema), ...problems },
      },
    },
    async (request) => {
      const { page, pageSize, sort: _sort, ...filter } = request.query;
      const { items, total } = await listMessages(deps.database.db, filter, { page, pageSize });
      return { items, total, page, pageSize };
    },
  );
};
