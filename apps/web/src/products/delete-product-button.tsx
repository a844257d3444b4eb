import type { ProductWithImages } from '@vitrine/api';
import { useState } from 'react';
import { readableError } from '../api/readable-error.ts';
import { trpc } from '../api/trpc.ts';
import { navigate } from '../routing/navigate.ts';
import { useToasts } from '../toasts/toast-context.ts';
import { ConfirmDialog } from '../ui/confirm-dialog.tsx';

/** Deletes a product and its photos, after asking. */
export function DeleteProductButton({
  product,
}: {
  product: ProductWithImages;
}) {
  const utils = trpc.useUtils();
  const toasts = useToasts();
  const [asking, setAsking] = useState(false);
  const photos = photosPhrase(product.images.length);
  const remove = trpc.products.delete.useMutation({
    onSuccess: () => {
      setAsking(false);
      navigate('/');
      toasts.show(
        `Deleted “${product.name}”${photos ? ` and ${photos}` : ''}.`,
      );
      void utils.products.list.invalidate();
      utils.products.get.setData({ id: product.id }, undefined);
    },
    onError: (error) => {
      setAsking(false);
      toasts.show(
        `“${product.name}” was not deleted. ${readableError(error)}`,
        'error',
      );
    },
  });

  return (
    <>
      <button type="button" className="danger" onClick={() => setAsking(true)}>
        Delete product
      </button>
      <ConfirmDialog
        open={asking}
        title={`Delete “${product.name}”?`}
        confirmLabel={remove.isPending ? 'Deleting…' : 'Delete product'}
        cancelLabel="Keep it"
        busy={remove.isPending}
        onConfirm={() => remove.mutate({ id: product.id })}
        onCancel={() => setAsking(false)}
      >
        <p>
          {photos
            ? `The product and ${photos} are removed, from storage too.`
            : 'The product is removed.'}{' '}
          This cannot be undone.
        </p>
      </ConfirmDialog>
    </>
  );
}

function photosPhrase(count: number): string {
  if (count === 0) return '';
  return count === 1 ? 'its photo' : `its ${count} photos`;
}
