import jpeg from 'jpeg-js';
import type { Photo } from './photos.ts';

/**
 * Five JPEGs of about `byteSize` each that are pictures all the way
 * through: noise, which JPEG cannot shrink, at quality 90. The page
 * prepares what it sends, and cuts whatever follows a JPEG's end, so
 * photos padded after their end (as `photosOfSize` pads them) would reach
 * the store far smaller through the page than through bare PUTs. These
 * need no preparation at all (no metadata, under 2560 pixels), so both
 * ways send the same bytes.
 */
export function cameraPhotos(byteSize: number): Photo[] {
  const sample = encodeNoise(400, 300, 1);
  const bytesPerPixel = sample.length / (400 * 300);
  // 3:2, as cameras shoot, with as many pixels as the size asks.
  const height = Math.round(Math.sqrt(byteSize / bytesPerPixel / 1.5));
  const width = Math.round(height * 1.5);
  const megabytes = Math.round(byteSize / 1_000_000);

  return [1, 2, 3, 4, 5].map((seed) => ({
    name: `camera-${seed}-${megabytes}mb.jpg`,
    type: 'image/jpeg',
    bytes: encodeNoise(width, height, seed),
  }));
}

function encodeNoise(
  width: number,
  height: number,
  seed: number,
): Uint8Array<ArrayBuffer> {
  const data = new Uint8Array(width * height * 4);
  // A small linear congruential generator: the same photos every run.
  let state = seed * 2_654_435_761;
  for (let i = 0; i < data.length; i += 1) {
    state = (state * 1_103_515_245 + 12_345) >>> 0;
    data[i] = i % 4 === 3 ? 255 : state >>> 24;
  }
  const encoded = jpeg.encode({ data, width, height }, 90).data;

  return new Uint8Array(encoded);
}
