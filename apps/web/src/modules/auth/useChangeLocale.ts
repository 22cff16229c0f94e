import type { Locale } from '@kefu/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { showError } from '../../api/errors';
import type { Me } from '../../api/types';
import { applyLocale } from '../../i18n';
import { meQueryKey, updateMe } from './api';

/**
 * Switches the language at once (UI, antd, dayjs, this browser) and, when signed in, saves it on
 * the user so it follows them to other browsers.
 */
export function useChangeLocale(): (locale: Locale) => Promise<void> {
  const queryClient = useQueryClient();
  return useCallback(
    async (locale: Locale) => {
      await applyLocale(locale);
      const me = queryClient.getQueryData<Me | null>(meQueryKey);
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
