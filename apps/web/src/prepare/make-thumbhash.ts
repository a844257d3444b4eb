import { rgbaToThumbHash } from 'thumbhash';
import { fitSize } from './fit-size.ts';
import { readHeaderFacts } from './header-facts.ts';
import { sniffType } from './sniff-type.ts';
import { toBase64 } from './to-base64.ts';
import type { WorkerAnswer } from './worker-protocol.ts';

/** ThumbHash works on pictures of 100×100 pixels at most. */
const thumbHashMaxEdge = 100;

/**
 * A ThumbHash of a picture, in base64: about 25 bytes that a page turns
 * back into a blurred stand-in with the picture's colours and proportions.
 * The size comes from the header, so the browser decodes straight to a
 * small picture; without one, it decodes the whole picture first.
 * Runs in the photo worker.
 */
export async function makeThumbHash(file: Blob): Promise<WorkerAnswer> {
  const header = new Uint8Array(await file.slice(0, 256 * 1024).arrayBuffer());
  const type = sniffType(header);
  const facts = type && readHeaderFacts(header, type);
  const source = facts ? file : await createImageBitmap(file, upright);
  const size = fitSize(facts ?? (source as ImageBitmap), thumbHashMaxEdge);
  const bitmap = await createImageBitmap(source, {
    ...upright,
    resizeWidth: size.width,
    resizeHeight: size.height,
    resizeQuality: 'high',
  });

  const canvas = new OffscreenCanvas(size.width, size.height);
  const context = canvas.getContext('2d');
  if (!context) return { kind: 'failed', reason: 'no 2D canvas' };
  context.drawImage(bitmap, 0, 0);
  bitmap.close();
  const { data } = context.getImageData(0, 0, size.width, size.height);
  const hash = rgbaToThumbHash(size.width, size.height, data);

  return { kind: 'placeholder', hash: toBase64(hash) };
}

const upright: ImageBitmapOptions = { imageOrientation: 'from-image' };
