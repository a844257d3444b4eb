import type { ProductWithImages } from '@vitrine/api';
import { useRef, useState } from 'react';
import { DeleteProductButton } from './delete-product-button.tsx';
import { RenameProductForm } from './rename-product-form.tsx';

/** The product's name, and renaming and deleting it. */
export function ProductHeader({ product }: { product: ProductWithImages }) {
  const [renaming, setRenaming] = useState(false);
  const renameButton = useRef<HTMLButtonElement>(null);

  if (renaming) {
    return (
      <>
        {/* The page keeps its heading for those who find their way by it. */}
        <h1 className="visually-hidden">{product.name}</h1>
        <RenameProductForm
          product={product}
          onDone={() => {
            setRenaming(false);
            requestAnimationFrame(() => renameButton.current?.focus());
          }}
        />
      </>
    );
  }

  return (
    <div className="product-header">
      <h1>{product.name}</h1>
      <div className="product-actions">
        <button
          ref={renameButton}
          type="button"
          className="secondary"
          onClick={() => setRenaming(true)}
        >
          Rename
        </button>
        <DeleteProductButton product={product} />
      </div>
    </div>
  );
}
