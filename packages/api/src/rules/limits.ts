/** How many images one product may hold, pending uploads included. */
export const maxImagesPerProduct = 5;

/** The default largest file, in bytes; the server may be set lower or higher. */
export const defaultMaxUploadBytes = 10 * 1024 * 1024;

/** How long a signed PUT URL stays valid. */
export const uploadUrlTtlSeconds = 10 * 60;

/**
 * How long after its URL expires an upload may still be confirmed: a PUT that
 * started just before the expiry must not be thrown away.
 */
export const confirmGraceSeconds = 60;

/**
 * The largest image accepted, in pixels (width × height). Phones make up to
 * 50 megapixels; anything much larger is a decompression bomb, not a photo.
 */
export const maxImagePixels = 100_000_000;

/**
 * The longest edge, in pixels, a photo keeps by default: the browser
 * downscales larger ones before the upload. Sharp on any screen a shop
 * page shows, and a twelfth of the bytes of a 12-megapixel original.
 */
export const defaultMaxImageEdge = 2560;

export const productNameMaxLength = 200;

export const fileNameMaxLength = 255;

/** The longest alt text a photo may have; screen readers read all of it. */
export const altTextMaxLength = 500;

/** The longest search text the product list takes. */
export const productSearchMaxLength = 200;
