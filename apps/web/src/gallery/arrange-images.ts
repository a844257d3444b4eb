import type { ProductWithImages } from '@vitrine/api';

/**
 * The product as the server will hold it after a change, so the page can
 * show the change before the answer arrives. Positions are renumbered the
 * way the server does: 0 is the cover, no gaps.
 */
export function withImageOrder(
  product: ProductWithImages,
  imageIds: readonly number[],
): ProductWithImages {
  const byId = new Map(product.images.map((image) => [image.id, image]));
  const images = imageIds.flatMap((id) => {
    const image = byId.get(id);
    return image ? [image] : [];
  });

  return { ...product, images: renumber(images) };
}

export function withCover(
  product: ProductWithImages,
  imageId: number,
): ProductWithImages {
  const rest = product.images.filter((image) => image.id !== imageId);
  const cover = product.images.filter((image) => image.id === imageId);

  return { ...product, images: renumber([...cover, ...rest]) };
}

export function withoutImage(
  product: ProductWithImages,
  imageId: number,
): ProductWithImages {
  const images = product.images.filter((image) => image.id !== imageId);

  return { ...product, images: renumber(images) };
}

export function withAlt(
  product: ProductWithImages,
  imageId: number,
  alt: string,
): ProductWithImages {
  const images = product.images.map((image) =>
    image.id === imageId ? { ...image, alt: alt.trim() } : image,
  );

  return { ...product, images };
}

function renumber(images: ProductWithImages['images']) {
  return images.map((image, position) => ({ ...image, position }));
}
