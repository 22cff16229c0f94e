import type { RecordAudience } from '../../lib/data-scope.js';

/**
 * Who a user record concerns, by the rule of the users list (`inScope(users.id)`): the user. The
 * same for an agent's availability (`agent`, keyed by user id). Registered with lib/data-scope.ts.
 */
export async function userAudiences(_db: unknown, ids: string[]): Promise<Map<string, RecordAudience>> {
  return new Map(ids.map((id) => [id, { userIds: [id] }]));
}
