/** Only same-app absolute paths are followed after sign-in (no `//evil.example`, no `/login` loop). */
export function safeRedirect(value: string | null | undefined): string {
  if (!value?.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  if (value === '/login' || value.startsWith('/login?')) return '/';
  return value;
}

export function loginPath(here: string): string {
  return here === '/' || here === '' ? '/login' : `/login?redirect=${encodeURIComponent(here)}`;
}
