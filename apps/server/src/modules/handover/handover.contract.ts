/**
 * What a contributor to a handover is (other modules implement it: tickets' open tickets, …).
 * Apart from the contributors list, so that a contributing module imports it without a cycle.
 */
import type { DbOrTx } from '../../db/client.js';

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
