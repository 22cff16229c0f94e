// Every table, for drizzle (db/client.ts, drizzle.config.ts), the seed and the tests.
// Each module owns its tables in `modules/<module>/**/<name>.tables.ts`; a module never imports
// this file (checked by dependency-cruiser, `.dependency-cruiser.cjs`). Platform tables: system.ts.
export * from '../../modules/audit/audit.tables.js';
export * from '../../modules/auth/auth.tables.js';
export * from '../../modules/calendars/calendars.tables.js';
export * from '../../modules/callbacks/callbacks.tables.js';
export * from '../../modules/callbacks/work/work.tables.js';
export * from '../../modules/calls/calls.tables.js';
export * from '../../modules/customers/customers.tables.js';
export * from '../../modules/customers/grading/grading.tables.js';
export * from '../../modules/customers/import-export/imports.tables.js';
export * from '../../modules/departments/departments.tables.js';
export * from '../../modules/email/email.tables.js';
export * from '../../modules/handover/handover.tables.js';
export * from '../../modules/notifications/notifications.tables.js';
export * from '../../modules/phrases/phrases.tables.js';
export * from '../../modules/robots/robots.tables.js';
export * from '../../modules/roles/roles.tables.js';
export * from '../../modules/saved-views/saved-views.tables.js';
export * from '../../modules/sla/sla.tables.js';
export * from '../../modules/sms/sms.tables.js';
export * from '../../modules/surveys/surveys.tables.js';
export * from '../../modules/tickets/tickets.tables.js';
export * from '../../modules/users/users.tables.js';
export * from '../../modules/webhooks/webhooks.tables.js';
export * from './events.js';
export * from './files.js';
export * from './rate-limits.js';
export * from './system.js';
