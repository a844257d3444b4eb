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
  admin: AdminTable;
  session: SessionTable;
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
  /** A ThumbHash (base64) shown while the image loads; see placeholder.ts. */
  placeholder: string | null;
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
  /**
   * The SHA-256 (base64) of the bytes the browser will send, signed into
   * the PUT URL so the store refuses other bytes; null when not given.
   */
  checksum_sha256: string | null;
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

/** A person who may sign in. Every admin may do everything. */
export interface AdminTable {
  id: Generated<number>;
  /** Trimmed and lower-cased, so that log-in ignores case. */
  email: string;
  /** `scrypt$N$r$p$salt$key`; see password-hash.ts. Never the password. */
  password_hash: string;
  /** 1 for a generated password the admin has not replaced yet. */
  must_change_password: number;
  created_at: string;
  updated_at: string;
}

/** A signed-in browser. The cookie holds the token; this row its hash. */
export interface SessionTable {
  token_hash: string;
  admin_id: number;
  created_at: string;
  last_seen_at: string;
  /** The absolute end, however busy the session is. */
  expires_at: string;
}

export type AdminRow = Selectable<AdminTable>;
export type ProductRow = Selectable<ProductTable>;
export type ImageRow = Selectable<ImageTable>;
export type UploadRow = Selectable<UploadTable>;
export type NewUpload = Insertable<UploadTable>;
