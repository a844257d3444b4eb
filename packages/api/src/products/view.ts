import type { ImageRow, ProductRow } from '../db/schema.ts';
import type { ObjectStore } from '../store.ts';

/** An image as the browser receives it. */
export interface ImageView {
  id: number;
  url: string;
  contentType: string;
  byteSize: number;
  width: number;
  height: number;
  position: number;
  alt: string;
  originalName: string;
  /** A ThumbHash (base64) to show while the image loads, when there is one. */
  placeholder: string | null;
  createdAt: string;
}

export interface ProductView {
  id: number;
  name: string;
  createdAt: string;
  updatedAt: string;
}

export function viewProduct(row: ProductRow): ProductView {
  return {
    id: row.id,
    name: row.name,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function viewImage(
  store: ObjectStore,
  row: ImageRow,
): Promise<ImageView> {
  return {
    id: row.id,
    url: await store.urlFor(row.object_key),
    contentType: row.content_type,
    byteSize: row.byte_size,
    width: row.width,
    height: row.height,
    position: row.position,
    alt: row.alt,
    originalName: row.original_name,
    placeholder: row.placeholder,
    createdAt: row.created_at,
  };
}
