import { useQueryClient } from '@tanstack/react-query';
import type { ProductWithImages } from '@vitrine/api';
import { readableError } from '../api/readable-error.ts';
import { trpc } from '../api/trpc.ts';
import { useToasts } from '../toasts/toast-context.ts';
import {
  withAlt,
  withCover,
  withImageOrder,
  withoutImage,
} from './arrange-images.ts';

/**
 * The gallery's changes, shown at once and sent after. When the server
 * refuses, the gallery goes back to what it was, a toast says why, and the
 * product is read again so the page shows what the server holds.
 */
export function useGalleryEdits(productId: number) {
  const utils = trpc.useUtils();
  const queryClient = useQueryClient();
  const toasts = useToasts();
  const key = { id: productId };

  function optimistic<TInput>(
    change: (product: ProductWithImages, input: TInput) => ProductWithImages,
    failure: string,
  ) {
    return {
      onMutate: async (input: TInput) => {
        await utils.products.get.cancel(key);
        const before = utils.products.get.getData(key);
        if (before) utils.products.get.setData(key, change(before, input));
        return { before };
      },
      onError: (
        error: unknown,
        _input: TInput,
        context: { before: ProductWithImages | undefined } | undefined,
      ) => {
        if (context?.before) utils.products.get.setData(key, context.before);
        toasts.show(`${failure} ${readableError(error)}`, 'error');
        void utils.products.get.invalidate(key);
      },
      onSuccess: (product: ProductWithImages) => {
        // Another change still on its way would be undone by this answer;
        // its own answer, the last one, brings the final state.
        if (queryClient.isMutating() <= 1) {
          utils.products.get.setData(key, product);
        }
      },
      onSettled: () => utils.products.list.invalidate(),
    };
  }

  const reorder = trpc.images.reorder.useMutation(
    optimistic(
      (product, input: { imageIds: number[] }) =>
        withImageOrder(product, input.imageIds),
      'The new order was not saved.',
    ),
  );
  const setCover = trpc.images.setCover.useMutation(
    optimistic(
      (product, input: { id: number }) => withCover(product, input.id),
      'The cover was not changed.',
    ),
  );
  const updateAlt = trpc.images.updateAlt.useMutation(
    optimistic(
      (product, input: { id: number; alt: string }) =>
        withAlt(product, input.id, input.alt),
      'The alt text was not saved.',
    ),
  );
  const remove = trpc.images.delete.useMutation(
    optimistic(
      (product, input: { id: number }) => withoutImage(product, input.id),
      'The photo was not deleted.',
    ),
  );

  return {
    reorder(imageIds: number[]) {
      reorder.mutate({ productId, imageIds });
    },
    setCover(id: number) {
      setCover.mutate(
        { id },
        { onSuccess: () => toasts.show('Cover changed.') },
      );
    },
    updateAlt(id: number, alt: string) {
      updateAlt.mutate(
        { id, alt },
        { onSuccess: () => toasts.show('Alt text saved.') },
      );
    },
    remove(id: number) {
      remove.mutate({ id }, { onSuccess: () => toasts.show('Photo deleted.') });
    },
  };
}
