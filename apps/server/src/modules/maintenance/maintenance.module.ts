import { purgeOutbox } from '../../events/purge.js';
import type { ModuleManifest } from '../../lib/module.js';
import { analyzeDatabase } from './maintenance.jobs.js';

export const maintenanceModule: ModuleManifest = {
  name: 'maintenance',
  description: 'Housekeeping jobs',
  jobs: [analyzeDatabase, purgeOutbox],
};
