import { useEffect } from 'react';
import { applyLocale, i18n } from '../../i18n';
import { useCurrentUser } from './useCurrentUser';

/** After sign-in (or on load with a session), the user's saved locale wins over this browser's. */
export function useLocaleSync(): void {
  const { data: me } = useCurrentUser();
  const saved = me?.locale;
  useEffect(() => {
    if (saved && saved !== i18n.language) void applyLocale(saved);
  }, [saved]);
}
