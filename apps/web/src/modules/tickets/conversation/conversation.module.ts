import type { WebModule } from '../../../webModule';

/** Messages, replies, attachments and the ticket's history: panels of the ticket page, no page of their own. */
export const ticketsConversationModule: WebModule = {
  name: 'tickets/conversation',
  namespaces: ['ticketsConversation'],
};
