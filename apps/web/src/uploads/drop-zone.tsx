import {
  formatBytes,
  imageInputAccept,
  maxImagesPerProduct,
} from '@vitrine/api/rules';
import { type ChangeEvent, type DragEvent, useId, useState } from 'react';
import { preparableTypesLabel } from '../prepare/sniff-type.ts';

interface DropZoneProps {
  placesLeft: number;
  /** Photos the product has; with uploads, they fill its places. */
  imageCount: number;
  /** The largest file the server takes, for the hint. */
  maxUploadBytes: number;
  onFiles: (files: File[]) => void;
}

/**
 * Where photos come in: a click (or Enter) opens the file picker, and
 * files dropped on it are taken too. When the product is full it says so
 * and takes nothing.
 */
export function DropZone({
  placesLeft,
  imageCount,
  maxUploadBytes,
  onFiles,
}: DropZoneProps) {
  const [dragging, setDragging] = useState(false);
  const inputId = useId();
  const hintId = useId();
  const full = placesLeft <= 0;

  function choose(event: ChangeEvent<HTMLInputElement>) {
    const files = Array.from(event.currentTarget.files ?? []);
    // Cleared so that choosing the same file again still fires a change.
    event.currentTarget.value = '';
    if (files.length > 0) onFiles(files);
  }

  function over(event: DragEvent<HTMLFieldSetElement>) {
    if (!event.dataTransfer.types.includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = full ? 'none' : 'copy';
    setDragging(true);
  }

  function drop(event: DragEvent<HTMLFieldSetElement>) {
    event.preventDefault();
    setDragging(false);
    const files = Array.from(event.dataTransfer.files);
    if (!full && files.length > 0) onFiles(files);
  }

  const classes = ['drop-zone', dragging && 'dragging', full && 'full'];

  return (
    // Dropping is the mouse's shortcut; the file input inside does the same
    // for the keyboard, so the zone itself is a group, not a control.
    <fieldset
      className={classes.filter(Boolean).join(' ')}
      data-testid="drop-zone"
      onDragEnter={over}
      onDragOver={over}
      onDragLeave={() => setDragging(false)}
      onDrop={drop}
    >
      <legend className="visually-hidden">Add photos</legend>
      <input
        id={inputId}
        className="visually-hidden"
        type="file"
        multiple
        accept={accepted}
        disabled={full}
        aria-describedby={hintId}
        onChange={choose}
      />
      <label htmlFor={inputId} className="drop-zone-label">
        {full ? (
          <span className="drop-zone-title">This product is full</span>
        ) : (
          <>
            <span className="drop-zone-title">Choose photos</span>{' '}
            <span className="drop-zone-or">or drop them here</span>
          </>
        )}
      </label>
      <p id={hintId} className="hint">
        {hintFor(placesLeft, imageCount, maxUploadBytes)}
      </p>
    </fieldset>
  );
}

function hintFor(
  placesLeft: number,
  imageCount: number,
  maxUploadBytes: number,
): string {
  if (placesLeft <= 0 && imageCount >= maxImagesPerProduct) {
    return (
      `It has ${maxImagesPerProduct} photos, the most a product can hold. ` +
      'Delete one to add another.'
    );
  }
  if (placesLeft <= 0) {
    return (
      `Its ${maxImagesPerProduct} places are taken by its photos and the ` +
      'uploads below; cancel or remove one to add another photo.'
    );
  }
  const more = placesLeft === 1 ? '1 more fits' : `${placesLeft} more fit`;

  return (
    `${preparableTypesLabel}, up to ` +
    `${formatBytes(maxUploadBytes)} each once large photos are made ` +
    `smaller; ${more}. You can also paste an image.`
  );
}

/**
 * What the file picker offers: the types the server takes, and HEIC,
 * which the page converts to JPEG before the upload. Without `.heic` the
 * system picker greys out an iPhone's photos.
 */
const accepted = [
  imageInputAccept,
  'image/heic',
  'image/heif',
  '.heic',
  '.heif',
].join(',');
