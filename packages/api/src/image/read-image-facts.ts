import type { FileProblem } from '../rules/file-problem.ts';
import { formatBytes } from '../rules/format-bytes.ts';
import type { ImageType } from '../rules/image-types.ts';
import type { ObjectStore } from '../store.ts';
import { isComplete } from './check-complete.ts';
import { inspectImageBytes } from './inspect-bytes.ts';

/**
 * How much of an object is read to find its format and size. Most headers
 * sit in the first 64 KiB; a JPEG with a large EXIF thumbnail or colour
 * profile can push its frame header further, so the window grows.
 */
const readWindowsBytes = [64 * 1024, 1024 * 1024] as const;

/** What a confirm reads with the object's size and type, in one request. */
export const firstWindowBytes = readWindowsBytes[0];

export type ImageFacts =
  | { ok: true; width: number; height: number }
  | { ok: false; code: FileProblem['code']; message: string };

/**
 * Reads as little of a stored object as it takes to know its image facts,
 * starting from the bytes already read, when there are some.
 */
export async function readImageFacts(
  store: ObjectStore,
  key: string,
  byteSize: number,
  type: ImageType,
  maxImagePixels: number,
  firstBytes: Uint8Array = new Uint8Array(),
): Promise<ImageFacts> {
  for (const window of [...readWindowsBytes, byteSize]) {
    const length = Math.min(window, byteSize);
    const bytes =
      firstBytes.length >= length
        ? firstBytes.subarray(0, length)
        : await store.readRange(key, 0, length - 1);
    const whole = length >= byteSize;
    const result = await inspectImageBytes(bytes, type, whole);

    if (result.kind === 'need-more-bytes' && !whole) continue;
    if (result.kind === 'refused') {
      return { ok: false, code: result.code, message: result.message };
    }
    if (result.kind === 'image') {
      // The header alone decides a refusal for size: no more is read.
      const size = checkPixels(result.width, result.height, maxImagePixels);
      if (!size.ok) return size;
      const readAt = (offset: number, length: number) =>
        offset + length <= bytes.length
          ? Promise.resolve(bytes.subarray(offset, offset + length))
          : store.readRange(
              key,
              offset,
              Math.min(offset + length, byteSize) - 1,
            );
      if (!(await isComplete(type, byteSize, readAt))) {
        return {
          ok: false,
          code: 'IMAGE_UNREADABLE',
          message: 'the file is cut short: its end is missing.',
        };
      }
      return size;
    }
  }

  return {
    ok: false,
    code: 'IMAGE_UNREADABLE',
    message: `its size could not be read from its first ${formatBytes(
      byteSize,
    )}.`,
  };
}

function checkPixels(
  width: number,
  height: number,
  maxImagePixels: number,
): ImageFacts {
  if (width < 1 || height < 1) {
    return {
      ok: false,
      code: 'IMAGE_UNREADABLE',
      message: `its header gives an empty size (${width}×${height}).`,
    };
  }
  if (width * height > maxImagePixels) {
    const megapixels = Math.round(maxImagePixels / 1_000_000);
    return {
      ok: false,
      code: 'IMAGE_TOO_LARGE',
      message: `it is ${width}×${height} pixels; the limit is ${megapixels} megapixels.`,
    };
  }

  return { ok: true, width, height };
}
