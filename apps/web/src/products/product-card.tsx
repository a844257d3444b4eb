import type { ProductSummary } from '@vitrine/api';
import { maxImagesPerProduct } from '@vitrine/api/rules';
import { Link } from '../routing/link.tsx';
import { productPath } from '../routing/product-path.ts';
import { Photo } from '../ui/photo.tsx';

/** One product in the list: its cover, its name and how full it is. */
export function ProductCard({ product }: { product: ProductSummary }) {
  const { cover } = product;

  return (
    <li>
      <Link to={productPath(product.id)} className="product-card">
        {cover ? (
          // The name beside it says what the product is; the thumbnail
          // adds nothing a screen reader should repeat.
          <Photo
            className="thumbnail"
            src={cover.url}
            placeholder={cover.placeholder}
            width={cover.width}
            height={cover.height}
            alt=""
            loading="lazy"
            decoding="async"
          />
        ) : (
          <span className="thumbnail thumbnail-empty" aria-hidden="true" />
        )}
        <span className="product-card-text">
          <span className="product-name">{product.name}</span>
          <span className="muted">
            {product.imageCount} of {maxImagesPerProduct} photos
          </span>
        </span>
      </Link>
    </li>
  );
}
