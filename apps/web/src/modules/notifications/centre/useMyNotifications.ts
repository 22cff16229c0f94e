import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { coalesce, type RealtimeEvent, useRealtimeEvents } from '../../../api/realtime';
import { useCurrentUser } from '../../auth/useCurrentUser';
import { listMyNotifications, markAllRead, markRead, myNotificationsKey, myNotificationsPageKey } from '../api';
import type { MyNotificationsQuery } from '../types';

/** Pushed by the server for each new in-app notification, to its addressee only. */
export const NOTIFICATION_EVENTS = ['notification.created'] as const;

/** Safety net behind the live refresh: events sent while the stream was reconnecting are lost. */
export const NOTIFICATIONS_POLL_MS = 5 * 60_000;

/** Whether a `notification.created` event is addressed to the signed-in user (no user id = trust the server's rule). */
export function isForMe(event: RealtimeEvent, myId: string | undefined): boolean {
  if (!myId || !NOTIFICATION_EVENTS.includes(event.name as (typeof NOTIFICATION_EVENTS)[number])) return false;
  const userId = event.payload.userId;
  return typeof userId !== 'string' || userId === myId;
}

/**
 * A page of my notifications with the unread count, kept fresh: refetched when the real-time
 * stream announces a notification for me, when the window regains focus, and every few minutes.
 */
export function useMyNotifications(query: MyNotificationsQuery, enabled = true) {
  const queryClient = useQueryClient();
  const { data: me } = useCurrentUser();
  const on = enabled && !!me;
  // One refetch per burst (a bulk assignment sends many), shared by every page of the list.
  const refresher = useMemo(
    () => coalesce(() => void queryClient.invalidateQueries({ queryKey: myNotificationsKey }), 500),
    [queryClient],
  );
  useEffect(() => refresher.cancel, [refresher]);
  useRealtimeEvents(
    NOTIFICATION_EVENTS,
    (event) => {
      if (isForMe(event, me?.id)) refresher.trigger();
    },
    on,
  );
  return useQuery({
    queryKey: myNotificationsPageKey(query),
    queryFn: () => listMyNotifications(query),
    enabled: on,
    staleTime: 15_000,
    refetchOnWindowFocus: true,
    refetchInterval: NOTIFICATIONS_POLL_MS,
    placeholderData: keepPreviousData,
  });
}

/** Mark one / all read; every cached page (bell and centre) is refetched afterwards. */
export function useMarkRead() {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: myNotificationsKey });
  const one = useMutation({ mutationFn: markRead, onSuccess: refresh });
  const all = useMutation({ mutationFn: markAllRead, onSuccess: refresh });
  return { one, all };
}
