import type { DataScope, Locale, Permission } from '@kefu/shared';

/** Who is calling: resolved once per request by the auth plugin from a session or API token. */
export type Actor = {
  userId: string;
  username: string;
  displayName: string;
  roleKey: string;
  permissions: ReadonlySet<Permission>;
  dataScope: DataScope;
  departmentId: string | null;
  locale: Locale;
  via: 'session' | 'token';
};

/** What services need to know about the request besides the actor: where it came from, for the audit log. */
export type RequestContext = {
  actor: Actor | null;
  ip: string | null;
  userAgent: string | null;
  requestId: string;
  locale: Locale;
};
