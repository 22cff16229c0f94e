import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import type { FormInstance } from 'antd';
import { type ApiError, isApiError } from './api/ApiError';
import { setSessionExpiredHandler, showError } from './api/errors';
import { i18n } from './i18n';
import { meQueryKey } from './modules/auth/api';

declare module '@tanstack/react-query' {
  interface Register {
    defaultError: ApiError | Error;
    /** `silent`: the caller shows the error itself. */
    queryMeta: { silent?: boolean };
    /** `form`: put validation_failed field errors into this form; `silent`: the caller shows it. */
    mutationMeta: { silent?: boolean; form?: FormInstance };
  }
}

/** Every failure goes through the error-display policy (api/errors.ts) exactly once, here. */
export const queryClient = new QueryClient({
  queryCache: new QueryCache({
    onError: (error, query) => showError(error, { silent: query.meta?.silent }),
  }),
  mutationCache: new MutationCache({
    onError: (error, _variables, _result, mutation) =>
      showError(error, { silent: mutation.meta?.silent, form: mutation.meta?.form }),
  }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // A 4xx will not change by asking again; network errors and 5xx get one more try.
      retry: (failureCount, error) =>
        failureCount < 1 && (!isApiError(error) || error.status >= 500 || error.status === 0),
    },
  },
});

// Role names and other server-side labels follow Accept-Language: refetch them in the new language.
// The signed-in user is left alone here; whoever changed the language refreshes it (useChangeLocale,
// useLocaleSync), so a refetch cannot race the PATCH that saves the choice.
i18n.on('languageChanged', () => {
  void queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== meQueryKey[0] });
});

// A 401 `unauthenticated` mid-session: forget the user; RequireAuth then sends them to /login?redirect=…
setSessionExpiredHandler(() => {
  queryClient.setQueryData(meQueryKey, null);
});
