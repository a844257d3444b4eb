import { useSyncExternalStore } from 'react';
import { navigationEvent } from './navigate.ts';

/** The address's path, kept current through links, back and forward. */
export function usePath(): string {
  return useSyncExternalStore(subscribe, readPath);
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(navigationEvent, onChange);

  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(navigationEvent, onChange);
  };
}

function readPath(): string {
  return window.location.pathname;
}
