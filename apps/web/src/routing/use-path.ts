import { useSyncExternalStore } from 'react';
import { subscribeToLocation } from './location-events.ts';

/** The address's path, kept current through links, back and forward. */
export function usePath(): string {
  return useSyncExternalStore(subscribeToLocation, readPath);
}

function readPath(): string {
  return window.location.pathname;
}
