import { localized } from '@kefu/shared';
import type { DbOrTx } from '../../db/client.js';
import { openTicketsContributor } from '../tickets/index.js';
import * as repo from './handover.repository.js';

/** How many items of each kind a preview lists (the count is always complete). */
export const PREVIEW_LIMIT = 50;

export type HandoverPreviewItem = {
  id: string;
  code: string | null;
  name: string;
  grade?: string | null;
  /** The leaving user's role (staff contacts). */
  role?: string | null;
  /** The successor's current role on the same record, if any (the stronger one is kept). */
  successorRole?: string | null;
};

export type HandoverPreviewWarning = { code: string; count: number; items: HandoverPreviewItem[] };

export type ContributorPreview = { count: number; items: HandoverPreviewItem[]; warnings?: HandoverPreviewWarning[] };

export type HandoverMoveContext = { handoverId: string; actorId: string; at: Date };

export type ContributorMoveResult = {
  count: number;
  /** Customers whose record changed: each gets one timeline entry and one version bump. */
  customerIds: string[];
};

/**
 * One kind of thing a leaving employee holds. `preview` says what would move (read-only);
 * `move` moves all of it inside the handover's transaction and must not commit, catch errors or
 * emit events: if any contributor fails, nothing of any kind has moved. Contributors run in
 * array order, each seeing the effects of the ones before it.
 */
export type HandoverContributor = {
  kind: string;
  label: { 'zh-CN': string; en: string };
  preview(db: DbOrTx, fromUserId: string, toUserId: string): Promise<ContributorPreview>;
  move(tx: DbOrTx, fromUserId: string, toUserId: string, ctx: HandoverMoveContext): Promise<ContributorMoveResult>;
};

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
