import { z } from 'zod';
import { productId } from '../products/schemas.ts';
import { fileNameMaxLength, maxImagesPerProduct } from '../rules/limits.ts';

const declaredFile = z.strictObject({
  name: z
    .string({ error: 'files[].name must be text' })
    .trim()
    .min(1, { error: 'files[].name must not be empty' })
    .max(fileNameMaxLength, {
      error: `files[].name must be at most ${fileNameMaxLength} characters`,
    }),
  type: z.string({ error: 'files[].type must be text' }).max(255),
  size: z
    .number({ error: 'files[].size must be a number of bytes' })
    .int({ error: 'files[].size must be a whole number of bytes' })
    .nonnegative({ error: 'files[].size must not be negative' }),
});

export const createUploadsInput = z.strictObject({
  productId,
  files: z
    .array(declaredFile, { error: 'files must be a list' })
    .min(1, { error: 'choose at least one file' })
    .max(maxImagesPerProduct, {
      error: `choose at most ${maxImagesPerProduct} files at once`,
    }),
});

const uploadId = z
  .string({ error: 'uploadIds[] must be text' })
  .regex(/^[A-Za-z0-9_-]{1,64}$/, { error: 'uploadIds[] is malformed' });

export const completeUploadsInput = z.strictObject({
  productId,
  uploadIds: z
    .array(uploadId, { error: 'uploadIds must be a list' })
    .min(1, { error: 'give at least one upload id' })
    .max(maxImagesPerProduct, {
      error: `give at most ${maxImagesPerProduct} upload ids`,
    })
    .refine((ids) => new Set(ids).size === ids.length, {
      error: 'uploadIds must not repeat an id',
    }),
});
