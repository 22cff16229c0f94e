import type { WebModule } from '../webModule';
import { auditModule } from './audit/audit.module';
import { authModule } from './auth/auth.module';
import { calendarsModule } from './calendars/calendars.module';
import { callbacksModule } from './callbacks/callbacks.module';
import { callsModule } from './calls/calls.module';
import { customersModule } from './customers/customers.module';
import { departmentsModule } from './departments/departments.module';
import { handoverModule } from './handover/handover.module';
import { homeModule } from './home/home.module';
import { jobsModule } from './jobs/jobs.module';
import { notificationsModule } from './notifications/notifications.module';
import { phrasesModule } from './phrases/phrases.module';
import { robotsModule } from './robots/robots.module';
import { rolesModule } from './roles/roles.module';
import { savedViewsModule } from './saved-views/saved-views.module';
import { slaModule } from './sla/sla.module';
import { surveysModule } from './surveys/surveys.module';
import { ticketsModule } from './tickets/tickets.module';
import { usersModule } from './users/users.module';
import { webhooksModule } from './webhooks/webhooks.module';

/**
 * THE web module list, mirroring the server's (apps/server/src/modules/index.ts): the route table and
 * menu (routes.tsx) and the translation namespaces (i18n.ts) are built from it. Adding a module = its
 * folder with a `<name>.module.ts` + one line here (CONTRIBUTING.md, "Add a module").
 */
export const MODULES: readonly WebModule[] = [
  homeModule,
  authModule,
  usersModule,
  departmentsModule,
  rolesModule,
  auditModule,
  jobsModule,
  customersModule,
  handoverModule,
  savedViewsModule,
  phrasesModule,
  ticketsModule,
  calendarsModule,
  slaModule,
  notificationsModule,
  robotsModule,
  webhooksModule,
  callbacksModule,
  surveysModule,
  callsModule,
];
