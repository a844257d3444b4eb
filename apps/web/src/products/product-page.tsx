import { readableError } from '../api/readable-error.ts';
import { trpc } from '../api/trpc.ts';
import { Link } from '../routing/link.tsx';
import { PhotoUploader } from '../uploads/photo-uploader.tsx';
import { useDocumentTitle } from '../use-document-title.ts';
import { Gallery } from './gallery.tsx';

/** One product: its photos and the picker that adds more. */
export function ProductPage({ id }: { id: number }) {
  const product = trpc.products.get.useQuery({ id });
  useDocumentTitle(product.data?.name ?? 'Product');

  return (
    <>
      <p className="back">
        <Link to="/">← All products</Link>
      </p>
      {product.isPending && <p className="muted">Loading the product…</p>}
      {product.isError && (
        <p className="notice" role="alert">
          {readableError(product.error)}
        </p>
      )}
      {product.isSuccess && (
        <>
          <h1>{product.data.name}</h1>
          <PhotoUploader
            productId={product.data.id}
            imageCount={product.data.images.length}
          />
          <section aria-labelledby="photos-heading">
            <h2 id="photos-heading">Photos</h2>
            <Gallery images={product.data.images} />
          </section>
        </>
      )}
    </>
  );
}
