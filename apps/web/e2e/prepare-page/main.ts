// The page prepare-photo.test.ts drives: it calls preparePhoto and
// makePlaceholder on fixture files the server hands out, and describes
// what came back in plain data that crosses to the test.
import {
  makePlaceholder,
  type Placeholder,
} from '../../src/prepare/make-placeholder.ts';
import {
  type PrepareSettings,
  preparePhoto,
} from '../../src/prepare/prepare-photo.ts';
import { toBase64 } from '../../src/prepare/to-base64.ts';

export type PreparedSummary =
  | {
      kind: 'ready';
      name: string;
      type: string;
      size: number;
      changes: string[];
      sha256: string;
      base64: string;
      /** The size an <img> shows it at, or undefined when it cannot. */
      shown: { width: number; height: number } | undefined;
      /** Grey levels of the shown picture squeezed to 12×12. */
      grey: number[];
    }
  | { kind: 'refused'; message: string };

export interface PreparePage {
  prepare(
    path: string,
    type: string,
    settings: PrepareSettings,
  ): Promise<PreparedSummary>;
  placeholder(path: string, type: string): Promise<Placeholder>;
  grey(path: string): Promise<number[]>;
}

declare global {
  interface Window {
    preparePage: PreparePage;
  }
}

async function fixtureFile(path: string, type: string): Promise<File> {
  const response = await fetch(path);
  const name = path.slice(path.lastIndexOf('/') + 1);

  return new File([await response.blob()], name, { type });
}

async function shownSize(blob: Blob) {
  const image = new Image();
  image.src = URL.createObjectURL(blob);
  try {
    await image.decode();
    return { width: image.naturalWidth, height: image.naturalHeight };
  } catch {
    return undefined;
  } finally {
    URL.revokeObjectURL(image.src);
  }
}

async function grey(blob: Blob): Promise<number[]> {
  const side = 12;
  const bitmap = await createImageBitmap(blob, {
    imageOrientation: 'from-image',
    resizeWidth: side,
    resizeHeight: side,
    resizeQuality: 'high',
  });
  const context = new OffscreenCanvas(side, side).getContext('2d');
  if (!context) throw new Error('no 2D canvas');
  context.drawImage(bitmap, 0, 0);
  const { data } = context.getImageData(0, 0, side, side);
  const levels: number[] = [];
  for (let at = 0; at < data.length; at += 4) {
    levels.push(
      ((data[at] ?? 0) + (data[at + 1] ?? 0) + (data[at + 2] ?? 0)) / 3,
    );
  }

  return levels;
}

window.preparePage = {
  async prepare(path, type, settings) {
    const prepared = await preparePhoto(
      await fixtureFile(path, type),
      settings,
    );
    if (prepared.kind === 'refused') return prepared;
    const { file } = prepared;
    return {
      kind: 'ready',
      name: file.name,
      type: file.type,
      size: file.size,
      changes: prepared.changes,
      sha256: prepared.sha256,
      base64: toBase64(new Uint8Array(await file.arrayBuffer())),
      shown: await shownSize(file),
      grey: await grey(file).catch(() => []),
    };
  },

  async placeholder(path, type) {
    return makePlaceholder(await fixtureFile(path, type));
  },

  async grey(path) {
    return grey(await fixtureFile(path, ''));
  },
};
