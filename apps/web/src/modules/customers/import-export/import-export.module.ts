import { page, type WebModule } from '../../../webModule';

export const customersImportExportModule: WebModule = {
  name: 'customers/import-export',
  namespaces: ['customersImportExport'],
  routes: [
    {
      path: '/customer-imports',
      order: 24,
      nameKey: 'customerImport',
      access: 'customers.import',
      element: page(() => import('./ImportPage'), 'ImportPage'),
    },
  ],
};
