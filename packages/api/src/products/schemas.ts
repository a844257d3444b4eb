import { z } from 'zod';
import { productNameMaxLength } from '../rules/limits.ts';

export const productId = z
  .number({ error: 'must be a number' })
  .int({ error: 'must be a whole number' })
  .positive({ error: 'must be positive' })
  .max(Number.MAX_SAFE_INTEGER, { error: 'is too large' });

export const productName = z
  .string({ error: 'must be text' })
  .trim()
  .min(1, { error: 'must not be empty' })
  .max(productNameMaxLength, {
    error: `must be at most ${productNameMaxLength} characters`,
  });

export const createProductInput = z.strictObject({ name: productName });

export const getProductInput = z.strictObject({ id: productId });

export const listProductsInput = z
  .strictObject({
    /** The id of the last product of the previous page. */
    cursor: productId.optional(),
    limit: z.number().int().min(1).max(100).default(24),
    /** Sent by tRPC's infinite queries; pages only go forward. */
    direction: z.enum(['forward', 'backward']).optional(),
  })
  .default({ limit: 24 });
