import { localized } from '@kefu/shared';
import { openTicketsContributor } from '../tickets/index.js';
import { type HandoverContributor, PREVIEW_LIMIT } from './handover.contract.js';
import * as repo from './handover.repository.js';

export type {
  ContributorMoveResult,
  ContributorPreview,
  HandoverContributor,
  HandoverMoveContext,
  HandoverPreviewItem,
  HandoverPreviewWarning,
} from './handover.contract.js';
export { PREVIEW_LIMIT } from './handover.contract.js';

/** customers.owner_id (专属客服经理), with the matching 'owner' staff row. */
export const ownedCustomersContributor: HandoverContributor = {
  kind: 'customers',
  label: localized('label.handover_kind.customers'),
  async preview(db, fromUserId) {
    return repo.previewOwnedCustomers(db, fromUserId, PREVIEW_LIMIT);
  },
  async move(tx, fromUserId, toUserId) {
    const ids = await repo.moveOwnedCustomers(tx, fromUserId, toUserId);
    return { count: ids.length, customerIds: ids };
  },
};

/** Staff-contact roles (backup, sales, engineer, …) on customers someone else owns. */
export const staffRolesContributor: HandoverContributor = {
  kind: 'customerStaff',
  label: localized('label.handover_kind.customer_staff'),
  async preview(db, fromUserId, toUserId) {
    const roles = await repo.previewStaffRoles(db, fromUserId, toUserId, PREVIEW_LIMIT);
    const short = await repo.previewKeyCustomersShortOfStaff(db, fromUserId, toUserId, PREVIEW_LIMIT);
    return { ...roles, warnings: short.count > 0 ? [{ code: 'key_customer_short_of_staff', ...short }] : [] };
  },
  async move(tx, fromUserId, toUserId) {
    const ids = await repo.moveStaffRoles(tx, fromUserId, toUserId);
    return { count: ids.length, customerIds: ids };
  },
};

/**
 * Every contributor, in the order they move. A module with work that belongs to a person (open
 * tickets, scheduled callbacks, …) adds its contributor here.
 */
export const handoverContributors: HandoverContributor[] = [
  ownedCustomersContributor,
  staffRolesContributor,
  openTicketsContributor,
];
