import type { Photo } from './photos.ts';
import { sessionHeaders } from './session.ts';

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

/** Asks for the photos' URLs and PUTs them to the store, in parallel. */
export async function askAndPut(
  appUrl: string,
  productId: number,
  photos: Photo[],
): Promise<string[]> {
  const tickets = await mutate<Ticket[]>(appUrl, 'uploads.create', {
    productId,
    files: photos.map((photo) => ({
      name: photo.name,
      type: photo.type,
      size: photo.bytes.length,
    })),
  });
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
): Promise<void> {
  const uploadIds = await askAndPut(appUrl, productId, photos);
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
