import { maxImagesPerProduct } from '@vitrine/api/rules';
import { useEffect } from 'react';
import { useToasts } from '../toasts/toast-context.ts';
import { DropZone } from './drop-zone.tsx';
import { UnfinishedUploads } from './unfinished-uploads.tsx';
import { UploadList } from './upload-list.tsx';
import { useUnfinishedUploads } from './use-unfinished-uploads.ts';
import { useUploadQueue } from './use-upload-queue.ts';

interface PhotoUploaderProps {
  productId: number;
  imageCount: number;
}

/** Adds photos to a product: picked, dropped or pasted. */
export function PhotoUploader({ productId, imageCount }: PhotoUploaderProps) {
  const { queue, items, placesHeld, maxUploadBytes } =
    useUploadQueue(productId);
  const unfinished = useUnfinishedUploads(productId, queue, !queue.isAsking());
  const toasts = useToasts();
  const placesLeft = Math.max(
    0,
    maxImagesPerProduct - imageCount - placesHeld - unfinished.others.length,
  );

  // Pasting an image anywhere on the page adds it, like dropping it.
  useEffect(() => {
    function paste(event: ClipboardEvent) {
      const files = Array.from(event.clipboardData?.files ?? []);
      if (files.length === 0) return;
      event.preventDefault();
      if (placesLeft > 0) queue.add(files, placesLeft);
      else toasts.show('This product is full; delete a photo first.', 'error');
    }
    document.addEventListener('paste', paste);
    return () => document.removeEventListener('paste', paste);
  }, [queue, placesLeft, toasts]);

  // A file dropped beside the zone would otherwise replace the page.
  useEffect(() => {
    const keep = (event: DragEvent) => event.preventDefault();
    window.addEventListener('dragover', keep);
    window.addEventListener('drop', keep);
    return () => {
      window.removeEventListener('dragover', keep);
      window.removeEventListener('drop', keep);
    };
  }, []);

  return (
    <div className="uploader">
      <DropZone
        placesLeft={placesLeft}
        imageCount={imageCount}
        maxUploadBytes={maxUploadBytes}
        onFiles={(files) => queue.add(files, placesLeft)}
      />
      <UnfinishedUploads {...unfinished} />
      <UploadList items={items} queue={queue} />
    </div>
  );
}
