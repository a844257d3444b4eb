import type { ComponentProps, MouseEvent } from 'react';
import { navigate } from './navigate.ts';

type LinkProps = Omit<ComponentProps<'a'>, 'href'> & { to: string };

/**
 * A link that changes the page in place. A click with a modifier key or
 * another button (new tab, new window, download) is left to the browser.
 */
export function Link({ to, onClick, children, ...rest }: LinkProps) {
  function follow(event: MouseEvent<HTMLAnchorElement>) {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
      return;
    }

    event.preventDefault();
    navigate(to);
  }

  return (
    <a {...rest} href={to} onClick={follow}>
      {children}
    </a>
  );
}
