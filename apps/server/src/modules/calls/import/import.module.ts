import type { ModuleManifest } from '../../../lib/module.js';
import { callEventsRoutes, callWebhookRoutes } from './events.routes.js';
import { importCallsJob } from './import.jobs.js';
import { callImportsRoutes } from './import.routes.js';

/** Call import: Asterisk queue_log and CSV files (streamed, idempotent, with progress) and the live-call webhook. */
export const callImportModule: ModuleManifest = {
  name: 'calls/import',
  routes: [
    { plugin: callImportsRoutes, prefix: '/api/v1/calls/imports' },
    { plugin: callEventsRoutes, prefix: '/api/v1/calls/events' },
    { plugin: callWebhookRoutes, prefix: '/api/v1/calls/webhook' },
  ],
  jobs: [importCallsJob],
  events: ['call.ringing', 'call.answered', 'call.ended', 'call.abandoned'],
  errors: [
    'calls.import_not_found',
    'calls.import_file_missing',
    'calls.import_file_too_large',
    'calls.import_format_invalid',
    'calls.import_mapping_invalid',
    'calls.import_header_missing',
    'calls.import_empty_file',
    'calls.import_bad_encoding',
    'calls.webhook_disabled',
    'calls.signature_invalid',
    'calls.webhook_secret_invalid',
  ],
};
