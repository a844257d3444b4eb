import { rgbaToThumbHash } from 'thumbhash';
import { isCutShort } from './cut-short.ts';
import { fitSize, type Size } from './fit-size.ts';
import { readHeaderFacts } from './header-facts.ts';
import { sniffType } from './sniff-type.ts';
import { toBase64 } from './to-base64.ts';
import type { WorkerAnswer } from './worker-protocol.ts';

/** ThumbHash works on pictures of 100×100 pixels at most. */
const thumbHashMaxEdge = 100;

/** Where the size of every format we read sits, with room to spare. */
const headerBytes = 256 * 1024;

/**
 * A ThumbHash of a picture, in base64: about 25 bytes that a page turns
 * back into a blurred stand-in with the picture's colours and proportions.
 * Runs in the photo worker.
 */
export async function makeThumbHash(file: Blob): Promise<WorkerAnswer> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await decodeSmall(file);
  } catch {
    // An image the browser cannot decode is a photo no page can show.
    // Anything else (no image at all, or one cut short, which a page may
    // still half draw) is for the server to name and refuse.
    const bytes = new Uint8Array(await file.arrayBuffer());
    const type = sniffType(bytes);
    return type && !isCutShort(bytes, type)
      ? { kind: 'undecodable' }
      : { kind: 'failed', reason: 'not a whole image' };
  }
  const { width, height } = bitmap;
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d');
  if (!context) return { kind: 'failed', reason: 'no 2D canvas' };
  context.drawImage(bitmap, 0, 0);
  bitmap.close();
  const { data } = context.getImageData(0, 0, width, height);

  return {
    kind: 'placeholder',
    hash: toBase64(rgbaToThumbHash(width, height, data)),
  };
}

/**
 * The picture upright, within 100×100. With the size from the header the
 * browser decodes straight to that; without, it decodes the whole picture
 * first.
 */
async function decodeSmall(file: Blob): Promise<ImageBitmap> {
  const header = new Uint8Array(await file.slice(0, headerBytes).arrayBuffer());
  const type = sniffType(header);
  const facts = type && readHeaderFacts(header, type);
  if (facts) return createImageBitmap(file, smallUpright(facts));

  const whole = await createImageBitmap(file, {
    imageOrientation: 'from-image',
  });
  try {
    return await createImageBitmap(whole, smallUpright(whole));
  } finally {
    whole.close();
  }
}

function smallUpright(size: Size): ImageBitmapOptions {
  const small = fitSize(size, thumbHashMaxEdge);

  return {
    imageOrientation: 'from-image',
    resizeWidth: small.width,
    resizeHeight: small.height,
    resizeQuality: 'high',
  };
}
