/** The callbacks module's API for other modules and the demo seed. */
export { seedCallbackPlansDemo } from './plans/plans.seed.js';
export { customerContactCap, hasCallbackNear } from './settings/contact-cap.js';
export { AD_HOC_DEADLINE_WORKING_DAYS, type AdHocCallback, scheduleCallbacksFor } from './work/ad-hoc.js';
export { seedCallbackWorkDemo } from './work/work.seed.js';
export { countCallbacksOf } from './work/work.service.js';
