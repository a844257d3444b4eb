import { readableError } from '../api/readable-error.ts';
import { trpc } from '../api/trpc.ts';
import { Gallery } from '../gallery/gallery.tsx';
import { Link } from '../routing/link.tsx';
import { PhotoUploader } from '../uploads/photo-uploader.tsx';
import { useDocumentTitle } from '../use-document-title.ts';
import { ProductHeader } from './product-header.tsx';

/** One product: its name, the photos it has, and the way to add more. */
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
        <div className="notice" role="alert">
          <p>{readableError(product.error)}</p>
          <p>
            <Link to="/">See all products</Link>
          </p>
        </div>
      )}
      {product.isSuccess && (
        <>
          <ProductHeader product={product.data} />
          <PhotoUploader
            productId={product.data.id}
            imageCount={product.data.images.length}
          />
          <Gallery product={product.data} />
        </>
      )}
    </>
  );
}
