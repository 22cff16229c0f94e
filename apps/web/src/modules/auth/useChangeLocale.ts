import type { Locale } from '@kefu/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { showError } from '../../api/errors';
import type { Me } from '../../api/types';
import { applyLocale } from '../../i18n';
import { meQueryKey, updateMe } from './api';
import { rememberLoginPick } from './loginLocale';

/**
 * Switches the language at once (UI, antd, dayjs, this browser) and, when signed in, saves it on
 * the user so it follows them to other browsers. Picked before sign-in (the login page), it is
 * remembered for the sign-in, which saves it on the user (loginLocale.ts).
 */
export function useChangeLocale(): (locale: Locale) => Promise<void> {
  const queryClient = useQueryClient();
  return useCallback(
    async (locale: Locale) => {
      await applyLocale(locale);
      const me = queryClient.getQueryData<Me | null>(meQueryKey);
      if (!me) rememberLoginPick(locale);
      if (!me || me.locale === locale) return;
      queryClient.setQueryData<Me>(meQueryKey, { ...me, locale });
      try {
        queryClient.setQueryData(meQueryKey, await updateMe({ locale }));
      } catch (error) {
        showError(error);
      }
    },
    [queryClient],
  );
}
