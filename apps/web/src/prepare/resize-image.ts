import { encodeBitmap } from './encode-bitmap.ts';
import type { Size } from './fit-size.ts';
import type { ResizableType, WorkerAnswer } from './worker-protocol.ts';

/**
 * Decodes a photo upright (its EXIF orientation applied), scales it to
 * `size` with the browser's best filter (or keeps its size), and encodes
 * it in its own type. Runs in the photo worker: decoding a 12-megapixel
 * photo takes a while.
 */
export async function resizeImage(
  file: Blob,
  type: ResizableType,
  size: Size | undefined,
): Promise<WorkerAnswer> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, {
      imageOrientation: 'from-image',
      ...(size && {
        resizeWidth: size.width,
        resizeHeight: size.height,
        resizeQuality: 'high',
      }),
    });
  } catch {
    return { kind: 'undecodable' };
  }

  return encodeBitmap(bitmap, type);
}
