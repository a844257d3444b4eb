import { trpc } from '../api/trpc.ts';
import type { UploadQueue } from './upload-queue.ts';

/** How often the list is read again while it shows any: they end alone. */
const refreshMs = 15_000;

export interface UnfinishedUploadsView {
  /** Uploads of the product that this page did not start. */
  others: {
    uploadId: string;
    name: string;
    releasedInSeconds: number;
  }[];
  /**
   * Cancels them all, so their places are free at once. Resolves to how
   * many the server still held: the others had ended meanwhile.
   */
  release(): Promise<number>;
  releasing: boolean;
}

/**
 * Uploads that hold the product's places without this page knowing them:
 * left unfinished in another tab or before a reload. The server lists
 * every unfinished upload; the page's own are told apart by their ids.
 * The list is read only while this page is not asking for uploads, since
 * one it has asked for may be listed before its answer arrives.
 */
export function useUnfinishedUploads(
  productId: number,
  queue: UploadQueue,
  notAsking: boolean,
): UnfinishedUploadsView {
  const utils = trpc.useUtils();
  const listed = trpc.uploads.unfinished.useQuery(
    { productId },
    {
      enabled: notAsking,
      refetchInterval: (query) =>
        query.state.data?.length ? refreshMs : false,
    },
  );
  const cancel = trpc.uploads.cancel.useMutation({
    onSuccess: (_result, { uploadIds }) => {
      // Gone at once, even while the list is not read again (this page
      // uploading): they count against the places left.
      utils.uploads.unfinished.setData({ productId }, (listed) =>
        listed?.filter((upload) => !uploadIds.includes(upload.uploadId)),
      );
    },
    onSettled: () => {
      void utils.uploads.unfinished.invalidate({ productId });
      // One may have become a photo meanwhile.
      void utils.products.get.invalidate({ id: productId });
    },
  });
  const others = (listed.data ?? []).filter(
    (upload) => !queue.owns(upload.uploadId),
  );

  return {
    others,
    release: async () => {
      const { cancelled } = await cancel.mutateAsync({
        productId,
        uploadIds: others.map((upload) => upload.uploadId),
      });
      return cancelled;
    },
    releasing: cancel.isPending,
  };
}
