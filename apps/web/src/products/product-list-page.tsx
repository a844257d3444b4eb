import type { ProductSummary } from '@vitrine/api';
import { readableError } from '../api/readable-error.ts';
import { useDocumentTitle } from '../use-document-title.ts';
import { AddProductForm } from './add-product-form.tsx';
import { ProductCard } from './product-card.tsx';
import { useProductPages } from './use-product-pages.ts';

/** Every product, newest first, and the form that adds one. */
export function ProductListPage() {
  useDocumentTitle('Products');
  const products = useProductPages();

  return (
    <>
      <h1>Products</h1>
      <AddProductForm />
      {products.isPending && <p className="muted">Loading products…</p>}
      {products.isError && (
        <div className="notice" role="alert">
          <p>{readableError(products.error)}</p>
          <button type="button" onClick={() => products.refetch()}>
            Try again
          </button>
        </div>
      )}
      {products.isSuccess && (
        <ProductItems items={products.data.pages.flatMap((p) => p.items)} />
      )}
      {products.hasNextPage && (
        <button
          type="button"
          className="more"
          disabled={products.isFetchingNextPage}
          onClick={() => products.fetchNextPage()}
        >
          {products.isFetchingNextPage ? 'Loading…' : 'Show more products'}
        </button>
      )}
    </>
  );
}

function ProductItems({ items }: { items: ProductSummary[] }) {
  if (items.length === 0) {
    return <p className="muted">No products yet. Add the first one above.</p>;
  }

  return (
    <ul className="product-list" aria-label="Products">
      {items.map((product) => (
        <ProductCard key={product.id} product={product} />
      ))}
    </ul>
  );
}
