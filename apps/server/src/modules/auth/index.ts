export type { ActorRow } from './auth.repository.js';
export { findActorBySession, findActorByToken } from './auth.repository.js';
export { authenticateSession, authenticateToken, toActor } from './auth.service.js';
export { revokeCredentials } from './credentials.js';
