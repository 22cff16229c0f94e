import type { ModuleManifest } from '../../../lib/module.js';
import {
  callbackAgentStatusListener,
  callbackClosedTicketsListener,
  callbackMilestonesListener,
} from './plans.listeners.js';
import { callbackCampaignsRoutes, callbackPlansRoutes } from './plans.routes.js';

/** Callback plans and campaigns; generation of callbacks from events; distribution among specialists. */
export const callbackPlansModule: ModuleManifest = {
  name: 'callbacks/plans',
  routes: [
    { plugin: callbackPlansRoutes, prefix: '/api/v1/callback-plans' },
    { plugin: callbackCampaignsRoutes, prefix: '/api/v1/callback-campaigns' },
  ],
  errors: ['callbacks.plan_not_found', 'callbacks.plan_invalid', 'callbacks.campaign_plan_missing'],
  events: ['callback.scheduled', 'callback.assigned'],
  listeners: [callbackMilestonesListener, callbackClosedTicketsListener, callbackAgentStatusListener],
};
