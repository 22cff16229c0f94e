import type { WebModule } from '../../../webModule';

/** Contacts, staff, timeline, milestones and business figures: panels of the customer's file. */
export const customersRecordsModule: WebModule = {
  name: 'customers/records',
  namespaces: ['customersRecords'],
};
