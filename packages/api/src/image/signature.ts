import type { ImageType } from '../rules/image-types.ts';

function hasAscii(bytes: Uint8Array, offset: number, text: string): boolean {
  for (let index = 0; index < text.length; index += 1) {
    if (bytes[offset + index] !== text.charCodeAt(index)) return false;
  }
  return true;
}

const pngMagic = '\x89PNG\r\n\x1a\n';

const signatures: Record<ImageType, (bytes: Uint8Array) => boolean> = {
  'image/png': (bytes) => hasAscii(bytes, 0, pngMagic),
  'image/jpeg': (bytes) => hasAscii(bytes, 0, '\xff\xd8\xff'),
  'image/gif': (bytes) => hasAscii(bytes, 0, 'GIF8'),
  'image/webp': (bytes) =>
    hasAscii(bytes, 0, 'RIFF') && hasAscii(bytes, 8, 'WEBP'),
  'image/avif': (bytes) => hasAscii(bytes, 4, 'ftyp'),
};

/**
 * Whether the bytes start with the type's magic number. file-type needs a
 * readable header to name a format; this only looks at the first bytes, to
 * tell a damaged file of the right format from a file of another kind.
 */
export function startsLike(bytes: Uint8Array, type: ImageType): boolean {
  return signatures[type](bytes);
}
