import type { WebModule } from '../../webModule';
import { callbacksPlansModule } from './plans/plans.module';
import { callbacksWorkModule } from './work/work.module';

/**
 * Callbacks (回访, server module `callbacks`): the `/callbacks` menu group, filled by the same parts
 * as on the server — work (my callbacks, the call screen, the callback report) and plans (plan
 * editor, campaigns). The group has no permission of its own: it shows when one of its pages does.
 */
export const callbacksModule: WebModule = {
  name: 'callbacks',
  routes: [{ path: '/callbacks', order: 25, nameKey: 'callbacksGroup', children: [] }],
  parts: [callbacksWorkModule, callbacksPlansModule],
};
