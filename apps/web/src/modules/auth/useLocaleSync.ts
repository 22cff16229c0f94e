import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { applyLocale, i18n } from '../../i18n';
import { meQueryKey } from './api';
import { useCurrentUser } from './useCurrentUser';

/**
 * After sign-in (or on load with a session), the user's saved locale wins over this browser's.
 * `me` itself was answered in the browser's language (role name…), so it is fetched again.
 */
export function useLocaleSync(): void {
  const queryClient = useQueryClient();
  const { data: me } = useCurrentUser();
  const saved = me?.locale;
  useEffect(() => {
    if (!saved || saved === i18n.language) return;
    void applyLocale(saved).then(() => queryClient.invalidateQueries({ queryKey: meQueryKey }));
  }, [saved, queryClient]);
}
