import type { ModuleManifest } from '../../lib/module.js';
import { callbackPlansModule } from './plans/plans.module.js';
import { callbackSettingsModule } from './settings/settings.module.js';
import { callbackWorkModule } from './work/work.module.js';

/**
 * Callbacks (回访): plans and their generation from milestones, closed tickets and campaigns, fair
 * distribution with one specialist per customer (`plans/`), working the callbacks (`work/`), and the
 * scheduling rules with customers' own rest hours (`settings/`).
 */
export const callbacksModule: ModuleManifest = {
  name: 'callbacks',
  description: 'Callbacks (回访): plans, campaigns, distribution, working callbacks and their outcomes',
  permissions: ['callbacks.work', 'callbacks.manage'],
  parts: [callbackPlansModule, callbackWorkModule, callbackSettingsModule],
};
