import { defaultMaxImageEdge, defaultMaxUploadBytes } from '@vitrine/api/rules';
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { trpc } from '../api/trpc.ts';
import { useToasts } from '../toasts/toast-context.ts';
import { apiUploadPorts } from './api-upload-ports.ts';
import { holdsPlace, type UploadItem } from './upload-item.ts';
import type { UploadPorts } from './upload-ports.ts';
import { UploadQueue } from './upload-queue.ts';

export interface UploadQueueView {
  queue: UploadQueue;
  items: readonly UploadItem[];
  /** The largest file the server takes. */
  maxUploadBytes: number;
  /** How many places under the cap the files in the list hold. */
  placesHeld: number;
}

/**
 * One product's upload queue, for as long as its page is shown. Leaving the
 * page stops what is still on its way; closing the tab asks first.
 */
export function useUploadQueue(productId: number): UploadQueueView {
  const utils = trpc.useUtils();
  const toasts = useToasts();
  const onConfirmed = useRef<UploadPorts['onConfirmed']>(() => undefined);
  onConfirmed.current = ({ added, failed }) => {
    void utils.products.get.invalidate({ id: productId });
    void utils.products.list.invalidate();
    toasts.show(
      confirmedMessage(added, failed),
      added > 0 ? 'success' : 'error',
    );
  };

  const [queue] = useState(
    () =>
      new UploadQueue(
        apiUploadPorts(
          utils.client,
          productId,
          (outcome) => onConfirmed.current(outcome),
          {
            onNoRoom: () => {
              void utils.products.get.invalidate({ id: productId });
              void utils.uploads.unfinished.invalidate({ productId });
            },
          },
        ),
        defaultMaxUploadBytes,
        Math.random,
        // Files chosen before the server's settings arrive wait for them.
        null,
      ),
  );
  const limits = trpc.uploads.limits.useQuery(undefined, {
    staleTime: Number.POSITIVE_INFINITY,
  });
  const maxUploadBytes = limits.data?.maxUploadBytes ?? defaultMaxUploadBytes;
  useEffect(
    () => queue.setMaxUploadBytes(maxUploadBytes),
    [queue, maxUploadBytes],
  );
  const settingsKnown = limits.isSuccess || limits.isError;
  const maxEdge = limits.data?.maxImageEdge ?? defaultMaxImageEdge;
  const stripLocation = limits.data?.removeMetadata ?? true;
  useEffect(() => {
    // Without an answer, the defaults: the ask then says what is wrong.
    if (settingsKnown) queue.setPhotoSettings({ maxEdge, stripLocation });
  }, [queue, settingsKnown, maxEdge, stripLocation]);
  const items = useSyncExternalStore(queue.subscribe, queue.getSnapshot);
  const placesHeld = items.filter(holdsPlace).length;

  useEffect(() => () => queue.dispose(), [queue]);
  useEffect(() => {
    if (placesHeld === 0) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [placesHeld]);

  return { queue, items, placesHeld, maxUploadBytes };
}

function confirmedMessage(added: number, failed: number): string {
  const photos = (n: number) => (n === 1 ? '1 photo' : `${n} photos`);
  if (failed === 0) return `${photos(added)} added.`;
  if (added === 0) {
    return `${photos(failed)} could not be added; the list says why.`;
  }

  return `${photos(added)} added; ${failed} could not be, the list says why.`;
}
