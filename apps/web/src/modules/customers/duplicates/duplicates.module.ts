import type { WebModule } from '../../../webModule';

/** Possible duplicates and their merge: a panel and dialogs of the customer pages. */
export const customersDuplicatesModule: WebModule = {
  name: 'customers/duplicates',
  namespaces: ['customersDuplicates'],
};
