import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { showError } from '../../../api/errors';
import { getHistory, getTicket, listMessages, ticketKey, ticketsQueryKey } from './api';
import type { Ticket } from './types';
import { versionConflict } from './versionConflict';

/** The ticket itself (with the actions the caller may take and its `version`). */
export function useTicket(id: string) {
  return useQuery({
    queryKey: ticketKey(id),
    queryFn: () => getTicket(id),
    // The page shows a 404 itself (missing or out of scope).
    meta: { silent: true },
  });
}

export function useTicketMessages(id: string) {
  return useQuery({ queryKey: [...ticketKey(id), 'messages'], queryFn: () => listMessages(id) });
}

export function useTicketHistory(id: string, enabled = true) {
  return useQuery({ queryKey: [...ticketKey(id), 'history'], queryFn: () => getHistory(id), enabled });
}

/**
 * After a change to ticket `id`: take the record the API answered with (when it answered one), then
 * refetch the rest of the page (messages, history, panels) and the queues.
 */
export async function refreshTicket(queryClient: QueryClient, id: string, ticket?: Ticket): Promise<void> {
  const key = ticketKey(id);
  if (ticket) queryClient.setQueryData(key, ticket);
  await Promise.all([
    queryClient.invalidateQueries({
      queryKey: key,
      predicate: (query) => !ticket || query.queryKey.length > key.length,
    }),
    queryClient.invalidateQueries({ queryKey: [...ticketsQueryKey, 'list'] }),
  ]);
}

/**
 * A write that sends the `version` read (edit, transition, assignment). A stale version (409
 * `tickets.version_conflict`) is explained in a dialog and the page reloads the ticket; other
 * errors go to `onOtherError` (e.g. a form's fields) or the usual notification.
 */
export function useVersionedWrite<V>(
  id: string,
  write: (variables: V) => Promise<unknown>,
  options: { onSuccess?: (result: unknown, variables: V) => void; onOtherError?: (error: unknown) => boolean } = {},
) {
  const { t } = useTranslation('tickets');
  const { modal } = App.useApp();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    meta: { silent: true },
    onSuccess: async (result, variables) => {
      const ticket = result && typeof result === 'object' && 'version' in result ? (result as Ticket) : undefined;
      await refreshTicket(queryClient, id, ticket);
      options.onSuccess?.(result, variables);
    },
    onError: async (error) => {
      const conflict = versionConflict(error);
      if (conflict) {
        await refreshTicket(queryClient, id);
        modal.warning({
          title: t('conflict.title'),
          content: t('conflict.detail', { given: conflict.given ?? '?', current: conflict.current ?? '?' }),
        });
        return;
      }
      if (options.onOtherError?.(error)) return;
      showError(error);
    },
  });
}
