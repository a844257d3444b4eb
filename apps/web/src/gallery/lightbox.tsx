import type { ImageView } from '@vitrine/api';
import { type KeyboardEvent, useEffect, useRef } from 'react';
import { Photo } from '../ui/photo.tsx';

interface LightboxProps {
  images: ImageView[];
  index: number;
  onIndex: (index: number) => void;
  onClose: () => void;
}

/**
 * One photo as large as the screen allows. A native modal dialog keeps
 * focus inside and closes on Escape; the arrow keys go through the photos.
 */
export function Lightbox({ images, index, onIndex, onClose }: LightboxProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const count = images.length;
  const image = images[index];

  useEffect(() => {
    if (!dialog.current?.open) dialog.current?.showModal();
  }, []);

  if (!image) return null;
  const step = (by: number) => onIndex((index + by + count) % count);

  function keys(event: KeyboardEvent<HTMLDialogElement>) {
    if (event.key === 'ArrowLeft') step(-1);
    else if (event.key === 'ArrowRight') step(1);
    else return;
    event.preventDefault();
  }

  return (
    <dialog
      ref={dialog}
      className="lightbox"
      aria-label={`Photo ${index + 1} of ${count}`}
      onClose={onClose}
      onKeyDown={keys}
    >
      <figure>
        <Photo
          key={image.id}
          src={image.url}
          placeholder={image.placeholder}
          // As wide as it will show before it has loaded, so that its
          // placeholder fills the place and nothing jumps.
          style={{
            width:
              `min(calc(100vw - 2.5rem), ` +
              `calc((100vh - 8rem) * ${image.width} / ${image.height}), ` +
              `${image.width}px)`,
          }}
          width={image.width}
          height={image.height}
          alt={image.alt || image.originalName}
        />
        <figcaption>
          Photo {index + 1} of {count}
          {index === 0 && ' · cover'}
          {image.alt ? ` · ${image.alt}` : ` · ${image.originalName}`}
        </figcaption>
      </figure>
      <div className="lightbox-controls">
        <button
          type="button"
          className="secondary"
          disabled={count < 2}
          onClick={() => step(-1)}
        >
          ← Previous
        </button>
        <button
          type="button"
          className="secondary"
          disabled={count < 2}
          onClick={() => step(1)}
        >
          Next →
        </button>
        <button type="button" onClick={() => dialog.current?.close()}>
          Close
        </button>
      </div>
    </dialog>
  );
}
