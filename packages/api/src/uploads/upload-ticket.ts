import type { Context } from '../context.ts';
import type { UploadRow } from '../db/schema.ts';

/** What the browser needs to PUT one file. */
export interface UploadTicket {
  uploadId: string;
  /** The file's name as the browser sent it, to match the ticket to it. */
  name: string;
  key: string;
  method: 'PUT';
  url: string;
  /** Send exactly these headers: they are part of the signature. */
  headers: Record<string, string>;
  expiresAt: string;
  /**
   * How long the URL lives from when it was signed. The browser counts it
   * from when it got the ticket, so a skewed clock on either side does not
   * make it renew too late.
   */
  expiresInSeconds: number;
}

type TicketRow = Partial<Pick<UploadRow, 'checksum_sha256'>> &
  Pick<
    UploadRow,
    | 'id'
    | 'original_name'
    | 'object_key'
    | 'content_type'
    | 'byte_size'
    | 'expires_at'
  >;

/** Signs a PUT for an upload row, valid until the row's `expires_at`. */
export async function signTicket(
  ctx: Context,
  row: TicketRow,
  signedAt: Date,
): Promise<UploadTicket> {
  const expiresInSeconds = ctx.limits.urlTtlSeconds;
  const signed = await ctx.store.signPut({
    key: row.object_key,
    contentType: row.content_type,
    byteSize: row.byte_size,
    checksumSha256: row.checksum_sha256 ?? undefined,
    signedAt,
    expiresInSeconds,
  });

  return {
    uploadId: row.id,
    name: row.original_name,
    key: row.object_key,
    method: 'PUT',
    url: signed.url,
    headers: signed.headers,
    expiresAt: row.expires_at,
    expiresInSeconds,
  };
}
