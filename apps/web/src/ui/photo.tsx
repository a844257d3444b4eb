import { type ImgHTMLAttributes, useState } from 'react';
import { placeholderBackground } from './placeholder-background.ts';

interface PhotoProps extends ImgHTMLAttributes<HTMLImageElement> {
  /** The photo's ThumbHash, shown until the photo itself has loaded. */
  placeholder: string | null | undefined;
}

/**
 * A product photo that shows its blurred placeholder while it loads. The
 * placeholder goes once the photo is in, so that a transparent PNG does
 * not keep a blur behind it.
 */
export function Photo({ placeholder, onLoad, style, ...props }: PhotoProps) {
  const [loaded, setLoaded] = useState(false);
  const background = loaded ? undefined : placeholderBackground(placeholder);

  return (
    // biome-ignore lint/a11y/useAltText: alt comes in props, set by callers
    <img
      {...props}
      style={{ ...style, ...background }}
      data-placeholder={background ? 'shown' : undefined}
      onLoad={(event) => {
        setLoaded(true);
        onLoad?.(event);
      }}
    />
  );
}
