import { plural } from '@vitrine/api/rules';
import { readableError } from '../api/readable-error.ts';
import { useToasts } from '../toasts/toast-context.ts';
import { dropZoneInput } from './drop-zone-focus.ts';
import type { UnfinishedUploadsView } from './use-unfinished-uploads.ts';

/**
 * Says which uploads started elsewhere still hold the product's places,
 * and lets the person give the places back at once rather than wait for
 * the uploads to expire.
 */
export function UnfinishedUploads({
  others,
  release,
  releasing,
}: UnfinishedUploadsView) {
  const toasts = useToasts();
  if (others.length === 0) return null;

  const one = others.length === 1;
  const names = listed(others.map((upload) => upload.name));
  const longest = Math.max(...others.map((u) => u.releasedInSeconds));
  const minutes = plural(Math.max(1, Math.ceil(longest / 60)), 'minute');

  async function releaseAll() {
    try {
      toasts.show(releasedMessage(await release()));
      requestAnimationFrame(() => dropZoneInput()?.focus());
    } catch (error) {
      toasts.show(readableError(error), 'error');
    }
  }

  return (
    <div className="unfinished-uploads">
      <p>
        {one
          ? `${names}, an upload left unfinished in another tab or before ` +
            'the page was reloaded, still holds a place. It gives it back ' +
            `by itself within ${minutes}.`
          : `${others.length} uploads left unfinished in another tab or ` +
            `before the page was reloaded still hold places: ${names}. ` +
            `They give them back by themselves within ${minutes}.`}{' '}
        Releasing {one ? 'it stops it' : 'them stops them'} if still going on in
        another tab.
      </p>
      <button
        type="button"
        className="secondary"
        disabled={releasing}
        onClick={releaseAll}
      >
        {one ? 'Release its place' : 'Release their places'}
      </button>
    </div>
  );
}

function releasedMessage(cancelled: number): string {
  if (cancelled === 0) {
    return 'Those uploads had ended meanwhile; there was nothing to release.';
  }

  return cancelled === 1
    ? '1 place given back.'
    : `${cancelled} places given back.`;
}

/** "a.jpg", "a.jpg and b.jpg", "a.jpg, b.jpg and c.jpg". */
function listed(names: string[]): string {
  if (names.length < 2) return names.join('');

  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}
