import type { DbOrTx } from '../../db/client.js';
import { deleteSessionsOfUser, revokeTokensOfUser } from './auth.repository.js';

/**
 * Ends a user's credentials other than the password: every browser session (but `keepSessionId`,
 * the one changing its own password) and every personal API token. Called, inside the caller's
 * transaction, on deactivation (re-activation brings nothing back) and on any password change —
 * own or an administrator's reset. Answers how many tokens were revoked, for the audit entry.
 */
export async function revokeCredentials(
  tx: DbOrTx,
  userId: string,
  options: { keepSessionId?: string } = {},
): Promise<{ tokensRevoked: number }> {
  await deleteSessionsOfUser(tx, userId, options.keepSessionId);
  return { tokensRevoked: await revokeTokensOfUser(tx, userId) };
}
