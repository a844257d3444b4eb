import { useEffect } from 'react';

/** Names the tab and the history entry after the page being shown. */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · Vitrine`;
  }, [title]);
}
