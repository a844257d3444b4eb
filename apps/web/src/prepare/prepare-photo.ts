import {
  cleanDisplayText,
  extensionForType,
  type ImageType,
  imageTypeName,
  normalizeImageType,
} from '@vitrine/api/rules';
import { isAnimated } from './animation.ts';
import { sha256Base64 } from './digest.ts';
import { withExtension } from './file-name.ts';
import { fitSize } from './fit-size.ts';
import { readHeaderFacts } from './header-facts.ts';
import {
  preparableTypesLabel,
  type SniffedType,
  sniffType,
} from './sniff-type.ts';
import {
  type ChunkStrip,
  stripPngMetadata,
  stripWebpMetadata,
} from './strip-chunk-metadata.ts';
import { stripReadableJpeg } from './strip-jpeg-metadata.ts';
import { runInWorker } from './worker-client.ts';
import type { ResizableType, WorkerAnswer } from './worker-protocol.ts';

export interface PrepareSettings {
  /** The longest displayed edge kept, in pixels; larger photos shrink. */
  maxEdge: number;
  /** Remove location and personal metadata from JPEGs. */
  stripLocation: boolean;
}

/** What preparing did to a photo, for the page to tell the person. */
export type PhotoChange = 'converted' | 'downscaled' | 'metadata-removed';

export type PreparedPhoto =
  /** `file` is what to sign and send; `sha256` is its digest, in base64. */
  | { kind: 'ready'; file: File; sha256: string; changes: PhotoChange[] }
  | { kind: 'refused'; message: string };

const heicRefusal =
  'This HEIC photo could not be converted here. On an iPhone, set ' +
  'Settings › Camera › Formats to Most Compatible, or export the photo ' +
  'as JPEG, and choose it again.';

/** Told when the browser cannot decode a photo: no page could show it. */
export const undecodableRefusal =
  'This browser cannot show this photo, so a shop page could not either. ' +
  'Open it in a photo app, export or save it as a JPEG, and choose it ' +
  'again.';

/** Told when a file named as an image holds none the page takes. */
function noImageInside(declared: ImageType): string {
  const format = imageTypeName(declared);
  // "an AVIF", "a JPEG": these names are said as their letters read.
  const article = /^[AEIOU]/.test(format) ? 'an' : 'a';

  return (
    `This file is named as ${article} ${format} image but holds ` +
    `no ${preparableTypesLabel} image; choose a photo in one of those ` +
    'formats.'
  );
}

/**
 * The file's name without what the server refuses in a name: a tab or a
 * line break becomes a space, marks that reverse the text go.
 */
function cleanName(file: File): string {
  return cleanDisplayText(file.name);
}

/** Names that say HEIC or HEIF, whatever the bytes turned out to be. */
const heifName = /\.(heic|heif|hif)$/i;
const heifDeclared = /^image\/hei[cf]/i;

const resizable = new Set<SniffedType>([
  'image/jpeg',
  'image/png',
  'image/webp',
]);

/**
 * Makes a chosen photo ready to send: HEIC becomes JPEG, a photo larger
 * than `maxEdge` is made smaller, and a JPEG, PNG or WebP loses its
 * location and personal metadata. The type is read from the bytes. A photo
 * that needs none of this is sent as it is, byte for byte. A file that
 * says it is an image but holds none is refused here, before anything is
 * signed; one of another declared type is left for the usual checks.
 * Decoding happens in a worker, so the page stays responsive.
 *
 * A converted or resized photo is encoded anew and so carries no metadata
 * at all, whatever `stripLocation` says.
 */
export async function preparePhoto(
  file: File,
  settings: PrepareSettings,
): Promise<PreparedPhoto> {
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch {
    return {
      kind: 'refused',
      message: `${file.name} could not be read; choose it again.`,
    };
  }
  const type = sniffType(bytes);
  if (!type && (heifDeclared.test(file.type) || heifName.test(file.name))) {
    return { kind: 'refused', message: heicRefusal };
  }
  const declared = normalizeImageType(file.type);
  if (!type && declared && bytes.length > 0) {
    return { kind: 'refused', message: noImageInside(declared) };
  }

  if (type === 'image/heic') {
    const answer = await runInWorker({
      kind: 'convert-heic',
      file,
      maxEdge: settings.maxEdge,
    });
    if (answer.kind !== 'image') {
      return { kind: 'refused', message: heicRefusal };
    }
    const facts = readHeaderFacts(bytes, type);
    const shrunk = facts !== undefined && answer.width < facts.width;
    return ready(
      new File([answer.file], withExtension(cleanName(file), 'jpg'), {
        type: answer.file.type,
      }),
      shrunk ? ['converted', 'downscaled'] : ['converted'],
    );
  }

  const name = nameFor(cleanName(file), type);
  const animated = type !== undefined && isAnimated(bytes, type);
  const facts =
    type && resizable.has(type) && !animated && readHeaderFacts(bytes, type);
  if (facts && Math.max(facts.width, facts.height) > settings.maxEdge) {
    const answer = await runInWorker({
      kind: 'resize',
      file,
      type: type as ResizableType,
      size: fitSize(facts, settings.maxEdge),
    });
    if (answer.kind === 'undecodable') {
      return { kind: 'refused', message: undecodableRefusal };
    }
    // No canvas here, say: it goes as it is, and the server decides.
    if (answer.kind === 'image') {
      return ready(encoded(answer, name, type), ['downscaled']);
    }
  }

  const sentType = type ?? file.type;
  const chunks = settings.stripLocation
    ? stripChunks(bytes, type, animated)
    : untouched;
  if (chunks.kind === 'stripped') {
    return ready(
      new File([chunks.bytes], name, { type: sentType }),
      ['metadata-removed'],
      chunks.bytes,
    );
  }
  const stripped =
    type === 'image/jpeg' && settings.stripLocation
      ? stripReadableJpeg(bytes)
      : bytes;
  // A JPEG whose segments cannot be read may still hide a location: it is
  // encoded anew, which keeps nothing but the picture.
  const encodeAnew = chunks.kind === 'encode-anew' || stripped === 'unreadable';
  if (encodeAnew && type && resizable.has(type)) {
    const answer = await runInWorker({
      kind: 'resize',
      file,
      type: type as ResizableType,
    });
    if (answer.kind !== 'image') {
      return { kind: 'refused', message: undecodableRefusal };
    }
    return ready(encoded(answer, name, type), ['metadata-removed']);
  }
  if (stripped !== bytes && stripped !== 'unreadable') {
    const options = { type: sentType, lastModified: file.lastModified };
    return ready(
      new File([stripped], name, options),
      ['metadata-removed'],
      stripped,
    );
  }
  const sent =
    file.type === sentType && file.name === name
      ? file
      : new File([file], name, {
          type: sentType,
          lastModified: file.lastModified,
        });

  return ready(sent, [], bytes);
}

const untouched: ChunkStrip = { kind: 'untouched' };

/**
 * A PNG's or WebP's metadata chunks removed.
 * An animated one is never encoded anew (a canvas keeps one frame): its
 * chunks go even when its EXIF turns it.
 */
function stripChunks(
  bytes: Uint8Array<ArrayBuffer>,
  type: SniffedType | undefined,
  animated: boolean,
): ChunkStrip {
  const strip =
    type === 'image/png'
      ? stripPngMetadata
      : type === 'image/webp'
        ? stripWebpMetadata
        : undefined;
  const result = strip?.(bytes, { evenIfTurned: animated });
  // Chunks that cannot be read, in an animation that cannot be encoded
  // anew: it goes as it is.
  if (!result || (result.kind === 'encode-anew' && animated)) {
    return untouched;
  }

  return result;
}

/** The worker's new encoding, named for the type it came out in. */
function encoded(
  answer: Extract<WorkerAnswer, { kind: 'image' }>,
  name: string,
  type: SniffedType,
): File {
  // A WebP the browser cannot encode comes back as a JPEG.
  const named =
    answer.file.type === type
      ? name
      : withExtension(name, extensionForType('image/jpeg'));

  return new File([answer.file], named, { type: answer.file.type });
}

const imageExtensions =
  /\.(jpe?g|jfif|png|webp|avif|gif|heic|heif|hif|bmp|tiff?)$/i;

/**
 * The name to send: a file named for another image type than it holds
 * (a JPEG called `.heic`, say) gets the extension of what it holds, so
 * that the name people see does not mislead.
 */
function nameFor(name: string, type: SniffedType | undefined): string {
  if (!type || type === 'image/heic' || !imageExtensions.test(name)) {
    return name;
  }
  const extension = extensionForType(type);
  const matches =
    type === 'image/jpeg'
      ? /\.(jpe?g|jfif)$/i.test(name)
      : name.toLowerCase().endsWith(`.${extension}`);

  return matches ? name : withExtension(name, extension);
}

async function ready(
  file: File,
  changes: PhotoChange[],
  bytes?: Uint8Array<ArrayBuffer>,
): Promise<PreparedPhoto> {
  const sent = bytes ?? new Uint8Array(await file.arrayBuffer());

  return { kind: 'ready', file, sha256: await sha256Base64(sent), changes };
}
