import type { WebModule } from '../../webModule';
import { ticketsAssignmentModule } from './assignment/assignment.module';
import { ticketsConversationModule } from './conversation/conversation.module';
import { ticketsCoreModule } from './core/core.module';
import { ticketsMeasuresModule } from './measures/measures.module';
import { ticketsQueueModule } from './queue/queue.module';
import { ticketsRelationsModule } from './relations/relations.module';
import { ticketsSettingsModule } from './settings/settings.module';

/**
 * Tickets: the `/tickets` menu group, filled by the sub-domains (the same parts as on the server,
 * apps/server/src/modules/tickets). /tickets opens the queue (the group's first page).
 */
export const ticketsModule: WebModule = {
  name: 'tickets',
  routes: [{ path: '/tickets', order: 10, nameKey: 'ticketsGroup', access: 'tickets.read', children: [] }],
  parts: [
    ticketsCoreModule,
    ticketsQueueModule,
    ticketsConversationModule,
    ticketsAssignmentModule,
    ticketsRelationsModule,
    ticketsMeasuresModule,
    ticketsSettingsModule,
  ],
};
