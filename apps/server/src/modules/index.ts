import type { ModuleManifest } from '../lib/module.js';
import { platformModule } from '../plugins/platform.module.js';
import { auditModule } from './audit/audit.module.js';
import { authModule } from './auth/auth.module.js';
import { calendarsModule } from './calendars/calendars.module.js';
import { callbacksModule } from './callbacks/callbacks.module.js';
import { callsModule } from './calls/calls.module.js';
import { customersModule } from './customers/customers.module.js';
import { departmentsModule } from './departments/departments.module.js';
import { emailModule } from './email/email.module.js';
import { handoverModule } from './handover/handover.module.js';
import { healthModule } from './health/health.module.js';
import { homeModule } from './home/home.module.js';
import { jobsModule } from './jobs/jobs.module.js';
import { maintenanceModule } from './maintenance/maintenance.module.js';
import { notificationsModule } from './notifications/notifications.module.js';
import { phrasesModule } from './phrases/phrases.module.js';
import { realtimeModule } from './realtime/realtime.module.js';
import { robotsModule } from './robots/robots.module.js';
import { rolesModule } from './roles/roles.module.js';
import { savedViewsModule } from './saved-views/saved-views.module.js';
import { slaModule } from './sla/sla.module.js';
import { smsModule } from './sms/sms.module.js';
import { surveysModule } from './surveys/surveys.module.js';
import { ticketsModule } from './tickets/tickets.module.js';
import { usersModule } from './users/users.module.js';
import { webhooksModule } from './webhooks/webhooks.module.js';

/**
 * THE module list: the app registers each module's routes, jobs, listeners, record audiences and
 * start/stop hooks from here, in this order. Adding a module = its folder + one line here
 * (CONTRIBUTING.md, "Add a module").
 */
export const MODULES: readonly ModuleManifest[] = [
  platformModule,
  healthModule,
  authModule,
  usersModule,
  departmentsModule,
  rolesModule,
  auditModule,
  jobsModule,
  realtimeModule,
  customersModule,
  handoverModule,
  notificationsModule,
  emailModule,
  savedViewsModule,
  phrasesModule,
  ticketsModule,
  calendarsModule,
  slaModule,
  smsModule,
  robotsModule,
  maintenanceModule,
  webhooksModule,
  homeModule,
  callbacksModule,
  surveysModule,
  callsModule,
];
