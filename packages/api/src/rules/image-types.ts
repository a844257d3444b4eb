/**
 * The image formats a product may hold. Browsers show all of them; SVG is
 * left out on purpose because it can carry script.
 */
export const allowedImageTypes = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/avif',
  'image/gif',
] as const;

export type ImageType = (typeof allowedImageTypes)[number];

const extensions: Record<ImageType, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/avif': 'avif',
  'image/gif': 'gif',
};

const names: Record<ImageType, string> = {
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
  'image/webp': 'WebP',
  'image/avif': 'AVIF',
  'image/gif': 'GIF',
};

/** What a person reads when a type is refused. */
export const allowedImageTypesLabel = 'JPEG, PNG, WebP, AVIF or GIF';

/**
 * Reads a declared MIME type the way a browser may report it. Returns the
 * allowed type it means, or undefined when it is not allowed.
 */
export function normalizeImageType(declared: string): ImageType | undefined {
  const type = declared.trim().toLowerCase();
  // Some browsers and tools report JPEG as the non-standard image/jpg.
  const canonical = type === 'image/jpg' ? 'image/jpeg' : type;

  return allowedImageTypes.find((allowed) => allowed === canonical);
}

/** The file extension an object key gets for a type. */
export function extensionForType(type: ImageType): string {
  return extensions[type];
}

/** The format's name as a person knows it: "WebP" for image/webp. */
export function imageTypeName(type: ImageType): string {
  return names[type];
}

/** The `accept` attribute for a file input. */
export const imageInputAccept = [...allowedImageTypes, '.jpg', '.jpeg'].join(
  ',',
);
