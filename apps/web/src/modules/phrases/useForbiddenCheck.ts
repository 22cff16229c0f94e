import { buildForbiddenMatcher, type ForbiddenHit, type ForbiddenMatcher } from '@kefu/shared';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useAccess } from '../auth/useAccess';
import { forbiddenPhrasesKey, listForbiddenPhrases } from './api';

const DEFAULT_DELAY_MS = 250;
/** The list changes rarely; the server re-checks every reply anyway, so a few minutes is fine. */
const LIST_STALE_MS = 5 * 60_000;

/** The active forbidden phrases, fetched once per session (and after an administrator edits them). */
export function useForbiddenMatcher(enabled = true): { matcher: ForbiddenMatcher | null; loading: boolean } {
  const canRead = useAccess().can('phrases.read');
  const query = useQuery({
    queryKey: [...forbiddenPhrasesKey, 'active'],
    queryFn: () => listForbiddenPhrases(false),
    enabled: enabled && canRead,
    staleTime: LIST_STALE_MS,
    meta: { silent: true },
  });
  const matcher = useMemo(() => (query.data ? buildForbiddenMatcher(query.data.items) : null), [query.data]);
  return { matcher, loading: query.isLoading };
}

/**
 * Forbidden-phrase hits of `text` while the agent types: the shared matcher runs in the browser
 * (no request per keystroke), `delayMs` after the last change. Offsets are into `text`.
 * `checking` is true while the hits lag behind the text (typing) or the list is loading.
 */
export function useForbiddenCheck(
  text: string,
  options: { enabled?: boolean; delayMs?: number } = {},
): { hits: ForbiddenHit[]; checking: boolean; ready: boolean } {
  const { enabled = true, delayMs = DEFAULT_DELAY_MS } = options;
  const { matcher, loading } = useForbiddenMatcher(enabled);
  const [debounced, setDebounced] = useState(text);
  useEffect(() => {
    if (delayMs <= 0) {
      setDebounced(text);
      return;
    }
    const timer = setTimeout(() => setDebounced(text), delayMs);
    return () => clearTimeout(timer);
  }, [text, delayMs]);
  const hits = useMemo(
    () => (enabled && matcher && debounced.trim() !== '' ? matcher.check(debounced) : []),
    [enabled, matcher, debounced],
  );
  const current = debounced === text;
  return {
    // Offsets of a stale check would point into another text: show nothing until it catches up.
    hits: current ? hits : [],
    checking: enabled && (loading || !current),
    ready: matcher !== null,
  };
}
