import { fileTypeFromBuffer } from 'file-type';
import { imageSize } from 'image-size';
import type { FileProblem } from '../rules/file-problem.ts';
import { type ImageType, imageTypeName } from '../rules/image-types.ts';
import { startsLike } from './signature.ts';

export type ByteInspection =
  | { kind: 'image'; width: number; height: number }
  | { kind: 'refused'; code: FileProblem['code']; message: string }
  | { kind: 'need-more-bytes' };

/**
 * Checks that the first bytes of a file really are the declared format and
 * reads its size as displayed. `whole` says whether `bytes` is the entire
 * file; when it is not and the header runs past it, more bytes are needed.
 */
export async function inspectImageBytes(
  bytes: Uint8Array,
  declared: ImageType,
  whole: boolean,
): Promise<ByteInspection> {
  const name = imageTypeName(declared);
  const detected = await fileTypeFromBuffer(bytes);
  if (!detected && startsLike(bytes, declared)) {
    return whole ? damaged(name) : { kind: 'need-more-bytes' };
  }
  // An animated PNG is a PNG: file-type names it apart, browsers do not.
  const mime = detected?.mime === 'image/apng' ? 'image/png' : detected?.mime;
  if (mime !== declared) {
    const actual = mime ? `${mime} content` : 'no image format';
    return {
      kind: 'refused',
      code: 'CONTENT_MISMATCH',
      message: `declared as ${name} but the file holds ${actual}.`,
    };
  }

  let size: ReturnType<typeof imageSize>;
  try {
    size = imageSize(bytes);
  } catch {
    return whole ? damaged(name) : { kind: 'need-more-bytes' };
  }

  return { kind: 'image', ...displayedSize(size) };
}

function damaged(name: string): ByteInspection {
  return {
    kind: 'refused',
    code: 'IMAGE_UNREADABLE',
    message: `the ${name} file is damaged or cut short.`,
  };
}

/**
 * EXIF orientations 5 to 8 turn the picture a quarter: a photo stored
 * 1200×1800 with orientation 6 is shown 1800×1200.
 */
function displayedSize(size: {
  width: number;
  height: number;
  orientation?: number;
}): { width: number; height: number } {
  const quarterTurn = (size.orientation ?? 1) >= 5;

  return quarterTurn
    ? { width: size.height, height: size.width }
    : { width: size.width, height: size.height };
}
