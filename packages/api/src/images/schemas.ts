import { z } from 'zod';
import { productId } from '../products/schemas.ts';
import { altTextMaxLength, maxImagesPerProduct } from '../rules/limits.ts';
import { displayText } from '../schemas/display-text.ts';

export const imageId = z
  .number({ error: 'must be a number' })
  .int({ error: 'must be a whole number' })
  .positive({ error: 'must be positive' })
  .max(Number.MAX_SAFE_INTEGER, { error: 'is too large' });

export const imageInput = z.strictObject({ id: imageId });

export const reorderImagesInput = z.strictObject({
  productId,
  /** Every photo of the product, in the new order; the first is the cover. */
  imageIds: z
    .array(imageId, { error: 'must be a list' })
    .min(1, { error: 'give at least one photo id' })
    .max(maxImagesPerProduct, {
      error: `give at most ${maxImagesPerProduct} photo ids`,
    })
    .refine((ids) => new Set(ids).size === ids.length, {
      error: 'must not repeat an id',
    }),
});

export const updateAltInput = z.strictObject({
  id: imageId,
  // Screen readers read it aloud and the page shows it: the same rules
  // as names, except that it may be empty.
  alt: displayText(altTextMaxLength, { mayBeEmpty: true }),
});
