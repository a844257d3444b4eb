// The part of libheif-js's Emscripten module that convert-heic.ts uses; the
// package's own declarations do not cover its JavaScript helpers.
declare module 'libheif-js/libheif-wasm/libheif-bundle.mjs' {
  export interface HeifImage {
    handle: unknown;
    get_width(): number;
    get_height(): number;
    is_primary(): boolean;
    free(): void;
  }

  export interface HeifDecoder {
    /** The libheif context of the last decode. */
    decoder: unknown;
    /** The top-level pictures; empty when the file cannot be read. */
    decode(bytes: Uint8Array): HeifImage[];
  }

  export interface DecodedChannel {
    id: number;
    width: number;
    height: number;
    stride: number;
    data: Uint8Array;
  }

  export interface Libheif {
    HeifDecoder: new () => HeifDecoder;
    heif_colorspace: { heif_colorspace_RGB: unknown };
    heif_chroma: { heif_chroma_interleaved_RGBA: unknown };
    heif_channel: { heif_channel_interleaved: number };
    heif_js_decode_image2(
      handle: unknown,
      colorspace: unknown,
      chroma: unknown,
    ):
      | { code?: number; image: unknown; channels: DecodedChannel[] }
      | undefined
      | Promise<
          | { code?: number; image: unknown; channels: DecodedChannel[] }
          | undefined
        >;
    heif_image_release(image: unknown): void;
    heif_context_free(context: unknown): void;
  }

  /** Builds the module; the WebAssembly is inside this file, in base64. */
  export default function createLibheif(options?: object): Libheif;
}
