import { sha256Base64 } from './photo-digest.ts';
import type { Photo } from './photos.ts';
import { sessionHeaders } from './session.ts';

/**
 * How an ask declares its files. `sha256`: with each file's digest, as the
 * page asks since decision 0011, so the URL signs it and a confirm keeps
 * the upload's key (decision 0013). `none`: without, as an API client may
 * ask, which a confirm answers with a copy in the store (decision 0009).
 */
export type Digest = 'sha256' | 'none';

export interface Ticket {
  uploadId: string;
  url: string;
  headers: Record<string, string>;
}

/** Calls a tRPC mutation the way any HTTP client can: plain JSON. */
export async function mutate<T>(
  appUrl: string,
  procedure: string,
  input: unknown,
): Promise<T> {
  const response = await fetch(`${appUrl}/trpc/${procedure}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...sessionHeaders() },
    body: JSON.stringify(input),
  });
  const body = (await response.json()) as { result?: { data: T } };
  if (!response.ok || !body.result) {
    throw new Error(`${procedure} failed: ${JSON.stringify(body)}`);
  }

  return body.result.data;
}

/** Asks the app to sign a PUT URL for each photo. */
export function ask(
  appUrl: string,
  productId: number,
  photos: Photo[],
  digest: Digest = 'sha256',
): Promise<Ticket[]> {
  return mutate<Ticket[]>(appUrl, 'uploads.create', {
    productId,
    files: photos.map((photo) => ({
      name: photo.name,
      type: photo.type,
      size: photo.bytes.length,
      sha256: digest === 'sha256' ? sha256Base64(photo) : undefined,
    })),
  });
}

/**
 * Asks for the photos' URLs and PUTs them to the store, in parallel, with
 * the headers each ticket names (the digest among them, when signed).
 */
export async function askAndPut(
  appUrl: string,
  productId: number,
  photos: Photo[],
  digest: Digest = 'sha256',
): Promise<string[]> {
  const tickets = await ask(appUrl, productId, photos, digest);
  await Promise.all(
    tickets.map(async (ticket, index) => {
      const response = await fetch(ticket.url, {
        method: 'PUT',
        headers: ticket.headers,
        body: photos[index]?.bytes,
      });
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`PUT refused: ${response.status}`);
    }),
  );

  return tickets.map((ticket) => ticket.uploadId);
}

/** The whole direct flow: ask, PUT to the store, confirm. */
export async function uploadDirect(
  appUrl: string,
  productId: number,
  photos: Photo[],
  digest: Digest = 'sha256',
): Promise<void> {
  const uploadIds = await askAndPut(appUrl, productId, photos, digest);
  const done = await mutate<{ images: unknown[]; failures: unknown[] }>(
    appUrl,
    'uploads.complete',
    { productId, uploadIds },
  );
  if (done.images.length !== photos.length) {
    throw new Error(`confirm failed: ${JSON.stringify(done.failures)}`);
  }
}

/** The same photos through the reference proxy route, as multipart. */
export async function uploadThroughProxy(
  referencesUrl: string,
  photos: Photo[],
): Promise<void> {
  const form = new FormData();
  for (const photo of photos) {
    form.append(
      'photo',
      new Blob([photo.bytes], { type: photo.type }),
      photo.name,
    );
  }
  const response = await fetch(`${referencesUrl}/proxy/uploads`, {
    method: 'POST',
    body: form,
  });
  const body = (await response.json()) as { files?: number };
  if (!response.ok || body.files !== photos.length) {
    throw new Error(`proxy upload failed: ${JSON.stringify(body)}`);
  }
}
