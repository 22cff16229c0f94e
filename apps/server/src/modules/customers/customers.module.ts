import type { ModuleManifest } from '../../lib/module.js';
import { customersArchiveModule } from './archive/archive.module.js';
import { customersDuplicatesModule } from './duplicates/duplicates.module.js';
import { customersGradingModule } from './grading/grading.module.js';
import { customersImportExportModule } from './import-export/import-export.module.js';
import { customersRecordsModule } from './records/records.module.js';
import { customersSettingsModule } from './settings/settings.module.js';

export const customersModule: ModuleManifest = {
  name: 'customers',
  description:
    'The customer archive: records, contacts, timeline, duplicates and merge, grading, import and export, settings',
  parts: [
    customersArchiveModule,
    customersRecordsModule,
    customersDuplicatesModule,
    customersGradingModule,
    customersImportExportModule,
    customersSettingsModule,
  ],
};
