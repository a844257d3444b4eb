import { z } from 'zod';
import { placeholder } from '../images/placeholder.ts';
import { productId } from '../products/schemas.ts';
import { fileNameMaxLength, maxImagesPerProduct } from '../rules/limits.ts';
import { displayText } from '../schemas/display-text.ts';
import { wholeNumber } from '../schemas/whole-number.ts';

const declaredFile = z.strictObject({
  name: displayText(fileNameMaxLength),
  type: z
    .string({
      error: (issue) =>
        issue.input === undefined ? 'is required' : 'must be text',
    })
    .max(255, { error: 'must be at most 255 characters' }),
  size: wholeNumber(0, 'bytes'),
  /**
   * The SHA-256 of the bytes the browser will send, base64. When given it
   * is signed into the URL, and the store refuses any other bytes.
   */
  sha256: z
    .string({ error: 'must be text' })
    .regex(/^[A-Za-z0-9+/]{43}=$/, {
      error: "must be the file's SHA-256 digest in base64 (44 characters)",
    })
    .optional(),
});

export const createUploadsInput = z.strictObject({
  productId,
  files: z
    .array(declaredFile, { error: 'must be a list' })
    .min(1, { error: 'choose at least one file' })
    .max(maxImagesPerProduct, {
      error: `choose at most ${maxImagesPerProduct} files at once`,
    }),
});

const uploadId = z
  .string({ error: 'must be text' })
  .regex(/^[A-Za-z0-9_-]{1,64}$/, { error: 'is malformed' });

const uploadIds = z
  .array(uploadId, { error: 'must be a list' })
  .min(1, { error: 'give at least one upload id' })
  .max(maxImagesPerProduct, {
    error: `give at most ${maxImagesPerProduct} upload ids`,
  })
  .refine((ids) => new Set(ids).size === ids.length, {
    error: 'must not repeat an id',
  });

export const completeUploadsInput = z
  .strictObject({
    productId,
    uploadIds,
    /** A ThumbHash per upload id, for the page to show while loading. */
    placeholders: z
      .record(uploadId, placeholder, { error: 'must map upload ids to text' })
      .optional(),
  })
  .refine(
    ({ uploadIds, placeholders = {} }) =>
      Object.keys(placeholders).every((id) => uploadIds.includes(id)),
    {
      error: 'names an upload id that is not in uploadIds',
      path: ['placeholders'],
    },
  );

export const unfinishedUploadsInput = z.strictObject({ productId });

export const cancelUploadsInput = z.strictObject({ productId, uploadIds });

export const renewUploadInput = z.strictObject({ productId, uploadId });
