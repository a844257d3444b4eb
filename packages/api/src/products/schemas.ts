import { z } from 'zod';
import {
  productNameMaxLength,
  productSearchMaxLength,
} from '../rules/limits.ts';
import { displayText } from '../schemas/display-text.ts';
import { wholeNumber } from '../schemas/whole-number.ts';

export const productId = wholeNumber(1);

export const productName = displayText(productNameMaxLength);

export const createProductInput = z.strictObject({ name: productName });

export const getProductInput = z.strictObject({ id: productId });

export const renameProductInput = z.strictObject({
  id: productId,
  name: productName,
});

export const deleteProductInput = z.strictObject({ id: productId });

export const listProductsInput = z
  .strictObject({
    /** The id of the last product of the previous page. */
    cursor: productId.optional(),
    limit: wholeNumber(1)
      .max(100, { error: 'must be at most 100' })
      .default(24),
    /** Part of the name, in any case; empty or absent lists every product. */
    search: z
      .string({ error: 'must be text' })
      .trim()
      .max(productSearchMaxLength, {
        error: `must be at most ${productSearchMaxLength} characters`,
      })
      .optional(),
    /** Sent by tRPC's infinite queries; pages only go forward. */
    direction: z.enum(['forward', 'backward']).optional(),
  })
  .default({ limit: 24 });
