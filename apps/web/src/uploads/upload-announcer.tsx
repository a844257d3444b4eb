import { useEffect, useRef, useState } from 'react';
import type { UploadItem } from './upload-item.ts';

const outcomes: Partial<Record<UploadItem['state'], string>> = {
  done: 'added',
  failed: 'not added',
  refused: 'not sent',
  cancelled: 'cancelled',
};

/**
 * Tells a screen reader each file's outcome, once, as it happens: added,
 * not added (with why), not sent or cancelled. Not every step between
 * (preparing, sending, checking), which would be read out for every file.
 */
export function UploadAnnouncer({ items }: { items: readonly UploadItem[] }) {
  const told = useRef(new Map<string, UploadItem['state']>());
  const [message, setMessage] = useState('');

  useEffect(() => {
    const news: string[] = [];
    for (const item of items) {
      const outcome = outcomes[item.state];
      if (!outcome || told.current.get(item.id) === item.state) continue;
      told.current.set(item.id, item.state);
      const why = item.state === 'done' ? '' : ` ${item.note ?? ''}`;
      news.push(`${item.name}: ${outcome}.${why}`.trim());
    }
    if (news.length > 0) setMessage(news.join(' '));
  }, [items]);

  return (
    <p className="visually-hidden" aria-live="polite">
      {message}
    </p>
  );
}
