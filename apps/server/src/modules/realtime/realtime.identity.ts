import type { FastifyRequest } from 'fastify';
import type { DbOrTx } from '../../db/client.js';
import type { Actor } from '../../lib/actor.js';
import { sha256 } from '../../lib/tokens.js';
import { SESSION_COOKIE } from '../../plugins/auth.js';
import { type ActorRow, findActorBySession, findActorByToken, toActor } from '../auth/index.js';

/** How a stream was opened: the same session cookie or API token is checked again on refresh. */
export type StreamCredential = { via: 'session' | 'token'; secret: string };

export function credentialOf(request: FastifyRequest, actor: Actor): StreamCredential | null {
  if (actor.via === 'token') {
    const header = request.headers.authorization;
    return header?.startsWith('Bearer ') ? { via: 'token', secret: header.slice(7).trim() } : null;
  }
  const cookie = request.cookies[SESSION_COOKIE];
  return cookie ? { via: 'session', secret: cookie } : null;
}

/**
 * The actor behind a stream's credential as it is now (role, permissions, scope, department), or
 * null once the session has ended, the token was revoked or the user deactivated. Read-only: an
 * open stream does not slide the session's expiry.
 */
export async function currentActor(db: DbOrTx, credential: StreamCredential): Promise<Actor | null> {
  const hash = sha256(credential.secret);
  const row: ActorRow | undefined =
    credential.via === 'session' ? await findActorBySession(db, hash) : await findActorByToken(db, hash);
  if (!row?.isActive) return null;
  return toActor(row, credential.via);
}
