import type { TFunction } from 'i18next';

/**
 * Audit vocabulary the server writes today, for labels and filter choices. A code missing here
 * (a newer server) still shows, as its raw code.
 */
export const AUDIT_ACTIONS = [
  'auth.login',
  'auth.login_failed',
  'auth.logout',
  'auth.password_changed',
  'auth.token_created',
  'auth.token_revoked',
  'user.created',
  'user.updated',
  'user.role_changed',
  'user.profile_updated',
  'user.password_reset',
  'department.created',
  'department.updated',
  'department.deleted',
  'role.created',
  'role.updated',
  'role.deleted',
  'customer.created',
  'customer.updated',
  'customer.viewed',
  'customer.exported',
  'customer.staff_changed',
  'customer.contact_added',
  'customer.contact_updated',
  'customer.contact_removed',
  'customer.contact_logged',
  'customer.milestone_set',
  'customer.milestone_removed',
  'saved_view.created',
  'saved_view.updated',
  'saved_view.deleted',
  'job.retried',
  'job.dead_letter_retried',
  'audit.exported',
] as const;

export const ENTITY_TYPES = [
  'user',
  'api_token',
  'department',
  'role',
  'customer',
  'job',
  'outbox_event',
  'saved_view',
  'audit_log',
] as const;

type Action = (typeof AUDIT_ACTIONS)[number];
type EntityType = (typeof ENTITY_TYPES)[number];
const isAction = (value: string): value is Action => (AUDIT_ACTIONS as readonly string[]).includes(value);
const isEntityType = (value: string): value is EntityType => (ENTITY_TYPES as readonly string[]).includes(value);

export function actionLabel(t: TFunction<'audit'>, action: string): string {
  return isAction(action) ? t(`actions.${action}`, { defaultValue: action }) : action;
}

export function entityTypeLabel(t: TFunction<'audit'>, entityType: string): string {
  return isEntityType(entityType) ? t(`entityTypes.${entityType}`, { defaultValue: entityType }) : entityType;
}
