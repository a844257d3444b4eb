import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  fixtureBytes,
  manifest,
} from '../../apps/server/test/support/fixtures.ts';

export interface Photo {
  name: string;
  type: string;
  bytes: Uint8Array<ArrayBuffer>;
}

const photosDir = fileURLToPath(new URL('../tmp/photos/', import.meta.url));

/** Five real JPEG photos from the shared fixtures, EXIF and all. */
export function realPhotos(): Photo[] {
  const photos = manifest.accept.filter(
    (fixture) =>
      fixture.type === 'image/jpeg' && fixture.file.includes('photo-'),
  );

  return photos.slice(0, 5).map((fixture) => ({
    name: fixture.file.slice(fixture.file.lastIndexOf('/') + 1),
    type: fixture.type,
    bytes: new Uint8Array(fixtureBytes(fixture.file)),
  }));
}

/**
 * The five photos grown to `byteSize` each with bytes after the JPEG's end
 * marker, and a second end marker at the very end (the product checks that
 * a JPEG ends with one): still valid photos of the same dimensions, as
 * large as a camera's.
 */
export function photosOfSize(byteSize: number): Photo[] {
  const filler = randomBytes(1024 * 1024);

  return realPhotos().map((photo, index) => {
    const bytes = new Uint8Array(byteSize);
    bytes.set(photo.bytes);
    for (let at = photo.bytes.length; at < byteSize; at += filler.length) {
      bytes.set(filler.subarray(0, byteSize - at), at);
    }
    bytes.set([0xff, 0xd9], byteSize - 2);
    const megabytes = Math.round(byteSize / 1_000_000);

    return {
      name: `photo-${index + 1}-${megabytes}mb.jpg`,
      type: photo.type,
      bytes,
    };
  });
}

/** Writes photos to a folder under bench/tmp, for a browser to pick. */
export function writePhotos(photos: Photo[], folder: string): string[] {
  const dir = join(photosDir, folder);
  mkdirSync(dir, { recursive: true });

  return photos.map((photo) => {
    const path = join(dir, photo.name);
    writeFileSync(path, photo.bytes);
    return path;
  });
}
