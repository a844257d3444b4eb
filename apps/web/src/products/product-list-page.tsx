import type { ProductSummary } from '@vitrine/api';
import { readableError } from '../api/readable-error.ts';
import { useSearchParam } from '../routing/use-search-param.ts';
import { useDocumentTitle } from '../use-document-title.ts';
import { AddProductForm } from './add-product-form.tsx';
import { ProductCard } from './product-card.tsx';
import { ProductSearch } from './product-search.tsx';
import { useProductPages } from './use-product-pages.ts';

/** Every product, newest first, searchable, and the form that adds one. */
export function ProductListPage() {
  useDocumentTitle('Products');
  const [search, setSearch] = useSearchParam('q');
  const products = useProductPages(search);
  const items = products.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <>
      <h1>Products</h1>
      <AddProductForm />
      <ProductSearch value={search} onSearch={setSearch} />
      {products.isPending && <p className="muted">Loading products…</p>}
      {products.isError && (
        <div className="notice" role="alert">
          <p>{readableError(products.error)}</p>
          <button type="button" onClick={() => products.refetch()}>
            Try again
          </button>
        </div>
      )}
      {products.isSuccess && <ProductItems items={items} search={search} />}
      {products.hasNextPage && (
        <button
          type="button"
          className="secondary more"
          disabled={products.isFetchingNextPage}
          onClick={() => products.fetchNextPage()}
        >
          {products.isFetchingNextPage ? 'Loading…' : 'Show more products'}
        </button>
      )}
    </>
  );
}

function ProductItems({
  items,
  search,
}: {
  items: ProductSummary[];
  search: string;
}) {
  if (items.length === 0) {
    return (
      <p className="muted" role="status">
        {search.trim()
          ? `No product name contains “${search.trim()}”.`
          : 'No products yet. Add the first one above.'}
      </p>
    );
  }

  return (
    <ul className="product-list" aria-label="Products">
      {items.map((product) => (
        <ProductCard key={product.id} product={product} />
      ))}
    </ul>
  );
}
