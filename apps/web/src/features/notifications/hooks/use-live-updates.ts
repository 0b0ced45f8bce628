import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { notificationsQueryKey } from '../api/get-notifications';

/**
 * What an opportunity event makes stale: the inbox and conversation pages (`conversations`), the workflow's
 * panels and queues (`opportunities`, `drafts`, `clearance`) and the notifications. Keys by prefix, so this hook
 * needs no knowledge of any other feature's files.
 */
const OPPORTUNITY_KEYS = ['conversations', 'opportunities', 'drafts', 'clearance', notificationsQueryKey[0]];

/** Every alerts query starts with this (the list, one alert, the header's open count). */
const ALERT_KEYS = ['alerts'];

/** A burst of events (a bulk decline of fifty) refetches once, this long after the first of them. */
const SETTLE_MS = 300;

/**
 * Keeps the pages live while someone is signed in: the api's event stream says what changed, and the queries
 * showing it are refetched. The browser reconnects by itself (with Last-Event-ID, so nothing is missed); a `reset`
 * means more was missed than the server replays, so everything is refetched. An `alert` event's data also goes to
 * `onAlert`, for the header to announce; keep it stable (useCallback), as a new one reopens the stream.
 */
export const useLiveUpdates = (signedIn: boolean, onAlert?: (data: string) => void) => {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!signedIn || typeof EventSource === 'undefined') return;
    const stale = new Set<string>();
    let timer: ReturnType<typeof setTimeout> | null = null;
    const refresh = (keys: string[]) => {
      for (const key of keys) stale.add(key);
      timer ??= setTimeout(() => {
        timer = null;
        for (const key of stale) void queryClient.invalidateQueries({ queryKey: [key] });
        stale.clear();
      }, SETTLE_MS);
    };
    const source = new EventSource('/api/events', { withCredentials: true });
    source.addEventListener('opportunity', () => refresh(OPPORTUNITY_KEYS));
    source.addEventListener('notification', () => refresh([notificationsQueryKey[0]]));
    source.addEventListener('alert', (event: MessageEvent<string>) => {
      refresh(ALERT_KEYS);
      onAlert?.(event.data);
    });
    source.addEventListener('reset', () => void queryClient.invalidateQueries());
    return () => {
      source.close();
      if (timer) clearTimeout(timer);
    };
  }, [signedIn, queryClient, onAlert]);
};
