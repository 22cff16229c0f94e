/** The callbacks module's API for other modules and the demo seed. */
export { localToday as localTodayIn } from './plans/generate.js';
export { seedCallbackPlansDemo } from './plans/plans.seed.js';
export { seedCallbackWorkDemo } from './work/work.seed.js';
