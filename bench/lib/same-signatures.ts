import type { ReferencePut } from '../reference/sigv4-signer.ts';

/** Inputs that stress encoding, the clock and the day's key. */
export const signatureCases: ReferencePut[] = [
  put('products/1/AbC-_012.jpg', 'image/jpeg', 1, '2026-01-02T03:04:05Z'),
  put('products/42/x.webp', 'image/webp', 10_485_760, '2026-12-31T23:59:59Z'),
  put('products/7/y.avif', 'image/avif', 5_000_000, '2027-01-01T00:00:00Z'),
  put(
    "products/9/odd name+ü(1)'*!.png",
    'image/png',
    123,
    '2026-06-30T12:00:00.999Z',
  ),
];

/**
 * Signs the same inputs at the same time with both signers and throws
 * unless the URLs carry the same path and the same query, signature
 * included. Returns how many cases matched.
 */
export async function checkSameSignatures(
  reference: (put: ReferencePut) => string,
  product: (put: ReferencePut) => Promise<string>,
): Promise<number> {
  for (const input of signatureCases) {
    const ours = describe(reference(input));
    const theirs = describe(await product(input));
    if (ours !== theirs) {
      throw new Error(
        `The reference signer and the product disagree for ${input.key}:\n` +
          `reference: ${ours}\nproduct:   ${theirs}`,
      );
    }
  }

  return signatureCases.length;
}

/** The URL with its query sorted, since order does not matter to a store. */
function describe(url: string): string {
  const parsed = new URL(url);
  const query = [...parsed.searchParams].sort(([a], [b]) =>
    a < b ? -1 : a > b ? 1 : 0,
  );

  return `${parsed.origin}${parsed.pathname}?${new URLSearchParams(query)}`;
}

function put(
  key: string,
  contentType: string,
  byteSize: number,
  signedAt: string,
): ReferencePut {
  return {
    key,
    contentType,
    byteSize,
    signedAt: new Date(signedAt),
    expiresInSeconds: 600,
  };
}
