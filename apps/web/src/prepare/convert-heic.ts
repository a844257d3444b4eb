import type {
  HeifImage,
  Libheif,
} from 'libheif-js/libheif-wasm/libheif-bundle.mjs';
import { encodeBitmap } from './encode-bitmap.ts';
import { fitSize } from './fit-size.ts';
import type { WorkerAnswer } from './worker-protocol.ts';

let loaded: Promise<Libheif> | undefined;

/**
 * libheif (WebAssembly, about 2 MB) is fetched the first time a HEIC photo
 * is chosen, never with the page. Compiling it needs the CSP source
 * 'wasm-unsafe-eval'. Kept for the next photo, dropped after a failure:
 * a module that trapped may be left in a broken state.
 */
function loadLibheif(): Promise<Libheif> {
  loaded ??= import('libheif-js/libheif-wasm/libheif-bundle.mjs').then(
    (module) => module.default(),
  );

  return loaded;
}

/**
 * Decodes a HEIC or HEIF photo with libheif, which applies its rotation
 * and mirroring, and encodes it as a JPEG no longer than `maxEdge` on its
 * longest side. Runs in the photo worker.
 */
export async function convertHeic(
  file: Blob,
  maxEdge: number,
): Promise<WorkerAnswer> {
  try {
    const libheif = await loadLibheif();
    const bytes = new Uint8Array(await file.arrayBuffer());
    const pixels = await decodePrimary(libheif, bytes);
    const { width, height } = fitSize(pixels, maxEdge);
    const bitmap = await createImageBitmap(pixels, {
      resizeWidth: width,
      resizeHeight: height,
      resizeQuality: 'high',
    });
    return await encodeBitmap(bitmap, 'image/jpeg');
  } catch (error) {
    loaded = undefined;
    return { kind: 'failed', reason: String(error) };
  }
}

async function decodePrimary(
  libheif: Libheif,
  bytes: Uint8Array,
): Promise<ImageData> {
  const decoder = new libheif.HeifDecoder();
  const images = decoder.decode(bytes);
  try {
    const image = images.find((each) => each.is_primary()) ?? images[0];
    if (!image) throw new Error('libheif found no picture in the file');
    return await readPixels(libheif, image);
  } finally {
    for (const image of images) image.free();
    if (decoder.decoder) libheif.heif_context_free(decoder.decoder);
  }
}

/** The picture as RGBA, row by row: libheif's rows may carry padding. */
async function readPixels(
  libheif: Libheif,
  image: HeifImage,
): Promise<ImageData> {
  const decoded = await libheif.heif_js_decode_image2(
    image.handle,
    libheif.heif_colorspace.heif_colorspace_RGB,
    libheif.heif_chroma.heif_chroma_interleaved_RGBA,
  );
  if (!decoded || decoded.code) {
    throw new Error('libheif could not decode the picture');
  }
  try {
    const channel = decoded.channels.find(
      (each) => each.id === libheif.heif_channel.heif_channel_interleaved,
    );
    if (!channel) throw new Error('libheif gave no RGBA pixels');
    const pixels = new ImageData(channel.width, channel.height);
    const rowBytes = channel.width * 4;
    for (let row = 0; row < channel.height; row += 1) {
      const start = row * channel.stride;
      pixels.data.set(
        channel.data.subarray(start, start + rowBytes),
        row * rowBytes,
      );
    }
    return pixels;
  } finally {
    libheif.heif_image_release(decoded.image);
  }
}
