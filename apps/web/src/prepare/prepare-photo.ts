import { extensionForType } from '@vitrine/api/rules';
import { sha256Base64 } from './digest.ts';
import { withExtension } from './file-name.ts';
import { fitSize } from './fit-size.ts';
import { readHeaderFacts } from './header-facts.ts';
import { type SniffedType, sniffType } from './sniff-type.ts';
import { stripJpegMetadata } from './strip-jpeg-metadata.ts';
import { runInWorker } from './worker-client.ts';
import type { ResizableType } from './worker-protocol.ts';

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

const resizable = new Set<SniffedType>([
  'image/jpeg',
  'image/png',
  'image/webp',
]);

/**
 * Makes a chosen photo ready to send: HEIC becomes JPEG, a photo larger
 * than `maxEdge` is made smaller, and a JPEG loses its location and
 * personal metadata. The type is read from the bytes. A photo that needs
 * none of this is sent as it is, byte for byte; a file of another type is
 * left for the usual checks to refuse. Decoding happens in a worker, so
 * the page stays responsive.
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
      new File([answer.file], withExtension(file.name, 'jpg'), {
        type: answer.file.type,
      }),
      shrunk ? ['converted', 'downscaled'] : ['converted'],
    );
  }

  const facts = type && resizable.has(type) && readHeaderFacts(bytes, type);
  if (facts && Math.max(facts.width, facts.height) > settings.maxEdge) {
    const answer = await runInWorker({
      kind: 'resize',
      file,
      type: type as ResizableType,
      size: fitSize(facts, settings.maxEdge),
    });
    // A photo the browser cannot decode goes as it is: the server decides.
    if (answer.kind === 'image') {
      // A WebP the browser cannot encode comes back as a JPEG.
      const name =
        answer.file.type === type
          ? file.name
          : withExtension(file.name, extensionForType('image/jpeg'));
      return ready(new File([answer.file], name, { type: answer.file.type }), [
        'downscaled',
      ]);
    }
  }

  const sentType = type ?? file.type;
  if (type === 'image/jpeg' && settings.stripLocation) {
    const stripped = stripJpegMetadata(bytes);
    if (stripped !== bytes) {
      const options = { type: sentType, lastModified: file.lastModified };
      return ready(
        new File([stripped], file.name, options),
        ['metadata-removed'],
        stripped,
      );
    }
  }
  const sent =
    file.type === sentType
      ? file
      : new File([file], file.name, {
          type: sentType,
          lastModified: file.lastModified,
        });

  return ready(sent, [], bytes);
}

async function ready(
  file: File,
  changes: PhotoChange[],
  bytes?: Uint8Array<ArrayBuffer>,
): Promise<PreparedPhoto> {
  const sent = bytes ?? new Uint8Array(await file.arrayBuffer());

  return { kind: 'ready', file, sha256: await sha256Base64(sent), changes };
}
