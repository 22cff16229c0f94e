import type { ModuleManifest } from '../../lib/module.js';
import { ticketsAssignmentModule } from './assignment/assignment.module.js';
import { ticketsConversationModule } from './conversation/conversation.module.js';
import { ticketsCoreModule } from './core/core.module.js';
import { ticketsMeasuresModule } from './measures/measures.module.js';
import { ticketsQueueModule } from './queue/queue.module.js';
import { ticketsRelationsModule } from './relations/relations.module.js';
import { ticketsSettingsModule } from './settings/settings.module.js';

export const ticketsModule: ModuleManifest = {
  name: 'tickets',
  description:
    'Consultations, complaints, suggestions and service requests: lifecycle, conversation, assignment, measures',
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
