import type { ModuleManifest } from '../../../lib/module.js';
import { robotAdapter } from './robot.adapter.js';

/** The `robot` delivery channel: each vendor's request, signature and answer. */
export const vendorsModule: ModuleManifest = {
  name: 'robots/vendors',
  channels: [robotAdapter],
};
