import type { CSSProperties } from 'react';
import { thumbHashToDataURL } from 'thumbhash';

const made = new Map<string, CSSProperties>();

/**
 * The style that shows a photo's ThumbHash behind it until it loads: a
 * blurred likeness, drawn from about 20 bytes the server keeps. Each hash
 * is drawn once per page.
 */
export function placeholderBackground(
  hash: string | null | undefined,
): CSSProperties | undefined {
  if (!hash) return undefined;
  const known = made.get(hash);
  if (known) return known;

  let style: CSSProperties | undefined;
  try {
    const bytes = Uint8Array.from(atob(hash), (char) => char.charCodeAt(0));
    style = {
      backgroundImage: `url(${thumbHashToDataURL(bytes)})`,
      backgroundSize: '100% 100%',
    };
  } catch {
    // Not a ThumbHash after all: no placeholder, the photo still shows.
    return undefined;
  }
  made.set(hash, style);

  return style;
}
