import { allowedImageTypesLabel, type ImageType } from '@vitrine/api/rules';
import { ascii, viewOf } from './byte-view.ts';

/** A type the browser can prepare: an allowed image type, or HEIC. */
export type SniffedType = ImageType | 'image/heic';

/** What a person reads of the types the page takes: HEIC is converted. */
export const preparableTypesLabel = `${allowedImageTypesLabel.replace(
  ' or ',
  ', ',
)} or HEIC`;

// ftyp brands of HEVC-coded HEIF stills and sequences (ISO/IEC 23008-12).
const heicBrands = new Set([
  'heic',
  'heix',
  'hevc',
  'hevx',
  'heim',
  'heis',
  'hevm',
  'hevs',
]);
// Generic HEIF brands: the compatible brands tell HEIC from AVIF.
const heifBrands = new Set(['mif1', 'msf1', 'miaf']);
const avifBrands = new Set(['avif', 'avis']);

/**
 * The image type the bytes hold, read from their first bytes rather than
 * from what the browser declares: phones often give HEIC no type at all.
 * Undefined for anything else.
 */
export function sniffType(bytes: Uint8Array): SniffedType | undefined {
  if (startsWith(bytes, 0, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, 0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) {
    return 'image/png';
  }
  if (ascii(bytes, 0, 4) === 'GIF8') return 'image/gif';
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') {
    return 'image/webp';
  }
  if (ascii(bytes, 4, 4) === 'ftyp') return sniffFtyp(bytes);

  return undefined;
}

function sniffFtyp(bytes: Uint8Array): SniffedType | undefined {
  const boxEnd = Math.min(viewOf(bytes).getUint32(0), bytes.length);
  const major = ascii(bytes, 8, 4);
  const compatible: string[] = [];
  for (let at = 16; at + 4 <= boxEnd; at += 4) {
    compatible.push(ascii(bytes, at, 4));
  }

  if (avifBrands.has(major)) return 'image/avif';
  if (heicBrands.has(major)) return 'image/heic';
  if (!heifBrands.has(major)) return undefined;
  if (compatible.some((brand) => avifBrands.has(brand))) return 'image/avif';
  // Another HEIF (only generic brands, say): libheif may still read it,
  // and if not, the person hears how to export a JPEG.
  return 'image/heic';
}

function startsWith(bytes: Uint8Array, at: number, magic: number[]): boolean {
  return magic.every((byte, index) => bytes[at + index] === byte);
}
