import type { ModuleManifest } from '../../../lib/module.js';
import { returnOverdueCallbacks } from './work.jobs.js';
import { workListeners } from './work.listeners.js';
import { workRoutes } from './work.routes.js';

/**
 * Working callbacks: my list and counts, one callback before the call (history, script), tries
 * with same-day retries, the outcome, a complaint ticket in one click, the deadline clock's
 * return to the pool, low-score follow-ups and the coverage / on-time report.
 */
export const callbackWorkModule: ModuleManifest = {
  name: 'callbacks/work',
  routes: [{ plugin: workRoutes, prefix: '/api/v1/callbacks' }],
  errors: [
    'callbacks.not_found',
    'callbacks.closed',
    'callbacks.write_up_not_needed',
    'callbacks.record_incomplete',
    'callbacks.complaint_type_missing',
    'callbacks.complaint_text_required',
  ],
  events: ['callback.completed', 'callback.unreached', 'callback.complaint_raised', 'callback.returned_to_pool'],
  listeners: workListeners,
  jobs: [returnOverdueCallbacks],
};
