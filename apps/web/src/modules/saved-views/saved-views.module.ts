import type { WebModule } from '../../webModule';

/** Saved list filters, used by the customer list and the ticket queue (components/SavedViewsBar.tsx); no page. */
export const savedViewsModule: WebModule = { name: 'saved-views' };
