import type { WebModule } from '../../webModule';
import { customersArchiveModule } from './archive/archive.module';
import { customersDuplicatesModule } from './duplicates/duplicates.module';
import { customersGradingModule } from './grading/grading.module';
import { customersImportExportModule } from './import-export/import-export.module';
import { customersRecordsModule } from './records/records.module';
import { customersSettingsModule } from './settings/settings.module';

/** The customer archive, in the same parts as on the server (apps/server/src/modules/customers). */
export const customersModule: WebModule = {
  name: 'customers',
  parts: [
    customersArchiveModule,
    customersRecordsModule,
    customersDuplicatesModule,
    customersGradingModule,
    customersImportExportModule,
    customersSettingsModule,
  ],
};
