import { useCallback, useSyncExternalStore } from 'react';
import { subscribeToLocation } from './location-events.ts';
import { navigationEvent } from './navigate.ts';

/**
 * One `?name=` value of the address, and a setter that replaces it: a
 * search shows in the address, survives a reload and comes back with the
 * back button, without a history entry for every letter typed.
 */
export function useSearchParam(
  name: string,
): [string, (value: string) => void] {
  const value = useSyncExternalStore(
    subscribeToLocation,
    () => new URLSearchParams(window.location.search).get(name) ?? '',
  );

  const setValue = useCallback(
    (next: string) => {
      const url = new URL(window.location.href);
      if (next === '') url.searchParams.delete(name);
      else url.searchParams.set(name, next);
      window.history.replaceState(null, '', url);
      window.dispatchEvent(new Event(navigationEvent));
    },
    [name],
  );

  return [value, setValue];
}
