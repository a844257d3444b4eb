import type { Generated, Insertable, Selectable } from 'kysely';

/**
 * The tables as Kysely sees them. Timestamps are ISO 8601 strings in UTC so
 * that SQLite and PostgreSQL store and compare them the same way.
 */
export interface Database {
  product: ProductTable;
  image: ImageTable;
  upload: UploadTable;
  object_deletion: ObjectDeletionTable;
}

export interface ProductTable {
  id: Generated<number>;
  name: string;
  created_at: string;
  updated_at: string;
}

export interface ImageTable {
  id: Generated<number>;
  product_id: number;
  /** The upload it came from: a second confirm finds the image by it. */
  upload_id: string;
  object_key: string;
  content_type: string;
  byte_size: number;
  /** Width and height as displayed, EXIF orientation applied. */
  width: number;
  height: number;
  /** 0 is the cover; the gallery shows images by ascending position. */
  position: number;
  alt: string;
  original_name: string;
  created_at: string;
}

/** A signed upload that has not been confirmed yet. */
export interface UploadTable {
  id: string;
  product_id: number;
  object_key: string;
  content_type: string;
  byte_size: number;
  original_name: string;
  /** When the signed PUT URL stops working. */
  expires_at: string;
  created_at: string;
}

/** An object to delete from the bucket; see queue-object-deletion.ts. */
export interface ObjectDeletionTable {
  object_key: string;
  attempts: Generated<number>;
  last_error: string | null;
  /** The sweeper deletes the key (again) from this time on. */
  not_before: string;
  created_at: string;
}

export type ProductRow = Selectable<ProductTable>;
export type ImageRow = Selectable<ImageTable>;
export type UploadRow = Selectable<UploadTable>;
export type NewUpload = Insertable<UploadTable>;
