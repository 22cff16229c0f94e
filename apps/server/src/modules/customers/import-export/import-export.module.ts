import type { ModuleManifest } from '../../../lib/module.js';
import { importCustomersJob } from './import.jobs.js';
import { customerImportsRoutes } from './import.routes.js';

/** CSV/Excel import (a job, with progress) and export. The export route is mounted by customers/archive. */
export const customersImportExportModule: ModuleManifest = {
  name: 'customers/import-export',
  routes: [{ plugin: customerImportsRoutes, prefix: '/api/v1/customer-imports' }],
  permissions: ['customers.import', 'customers.export'],
  errors: [
    'customers.import_not_found',
    'customers.import_file_missing',
    'customers.import_file_too_large',
    'customers.import_empty_file',
    'customers.import_unsupported_format',
    'customers.import_unreadable',
    'customers.import_bad_encoding',
    'customers.import_no_header',
    'customers.import_no_rows',
    'customers.import_mapping_invalid',
    'customers.import_in_progress',
    'customers.import_already_done',
    'customers.import_interrupted',
  ],
  events: ['customer.import_progress', 'customer.imported'],
  jobs: [importCustomersJob],
};
