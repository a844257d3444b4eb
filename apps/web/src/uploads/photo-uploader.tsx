import {
  allowedImageTypesLabel,
  defaultMaxUploadBytes,
  formatBytes,
  imageInputAccept,
  maxImagesPerProduct,
} from '@vitrine/api/rules';
import { type ChangeEvent, useId } from 'react';
import { UploadList } from './upload-list.tsx';
import { usePhotoUpload } from './use-photo-upload.ts';

interface PhotoUploaderProps {
  productId: number;
  imageCount: number;
}

/** The file picker for a product's photos, and how each chosen file fares. */
export function PhotoUploader({ productId, imageCount }: PhotoUploaderProps) {
  const room = Math.max(0, maxImagesPerProduct - imageCount);
  const { rows, busy, upload } = usePhotoUpload(productId, room);
  const inputId = useId();
  const hintId = useId();

  function choose(event: ChangeEvent<HTMLInputElement>) {
    const files = Array.from(event.currentTarget.files ?? []);
    // Cleared so that choosing the same file again still fires a change.
    event.currentTarget.value = '';
    if (files.length > 0) void upload(files);
  }

  return (
    <section className="uploader" aria-label="Add photos">
      <label htmlFor={inputId} className="picker-label">
        Choose photos
      </label>
      <input
        id={inputId}
        type="file"
        multiple
        accept={imageInputAccept}
        disabled={room === 0 || busy}
        aria-describedby={hintId}
        onChange={choose}
      />
      <p id={hintId} className="hint">
        {hintFor(room, busy)}
      </p>
      {rows.length > 0 && <UploadList rows={rows} />}
    </section>
  );
}

function hintFor(room: number, busy: boolean): string {
  if (busy) return 'Uploading; you can choose more photos when it is done.';
  if (room === 0) {
    const most = maxImagesPerProduct;
    return `This product has ${most} photos, the most it can hold.`;
  }
  const more = room === 1 ? '1 more photo fits' : `${room} more photos fit`;

  return (
    `${allowedImageTypesLabel}, up to ` +
    `${formatBytes(defaultMaxUploadBytes)} each. ${more}.`
  );
}
