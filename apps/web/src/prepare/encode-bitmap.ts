import type { WorkerAnswer } from './worker-protocol.ts';

/** JPEG quality for photos made smaller or converted: near the source. */
const jpegQuality = 0.9;

/**
 * Draws a decoded picture and encodes it in the given type. WebP becomes
 * JPEG where the browser cannot encode WebP (it hands back a PNG then);
 * JPEG, which has no transparency, gets a white background.
 */
export async function encodeBitmap(
  bitmap: ImageBitmap,
  type: string,
): Promise<WorkerAnswer> {
  const { width, height } = bitmap;
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d');
  if (!context) return { kind: 'failed', reason: 'no 2D canvas' };
  const draw = (opaque: boolean) => {
    context.clearRect(0, 0, width, height);
    if (opaque) {
      context.fillStyle = '#fff';
      context.fillRect(0, 0, width, height);
    }
    context.drawImage(bitmap, 0, 0);
  };

  draw(type === 'image/jpeg');
  let file = await canvas.convertToBlob({ type, quality: jpegQuality });
  if (file.type !== type) {
    draw(true);
    file = await canvas.convertToBlob({
      type: 'image/jpeg',
      quality: jpegQuality,
    });
  }
  bitmap.close();

  return { kind: 'image', file, width, height };
}
