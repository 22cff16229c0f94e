import type { WebModule } from '../../../webModule';

/** The ticket's customer, linked tickets, merge and watchers: panels of the ticket page. */
export const ticketsRelationsModule: WebModule = {
  name: 'tickets/relations',
  namespaces: ['ticketsRelations'],
};
