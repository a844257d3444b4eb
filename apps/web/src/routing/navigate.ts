/** Fired on window after a pushState, which fires no event of its own. */
export const navigationEvent = 'vitrine:navigate';

/**
 * Shows another page without reloading. The address changes through the
 * history, so reload, back and forward all work.
 */
export function navigate(path: string): void {
  if (path === window.location.pathname) return;

  window.history.pushState(null, '', path);
  window.scrollTo(0, 0);
  window.dispatchEvent(new Event(navigationEvent));
}
