import { randomBytes } from 'node:crypto';
import { extensionForType, type ImageType } from '../rules/image-types.ts';

/**
 * The server chooses every key: nothing of the person's file name reaches
 * the bucket, so no name can traverse paths or collide with another.
 */
export function newObjectKey(productId: number, type: ImageType): string {
  return `products/${productId}/${randomId()}.${extensionForType(type)}`;
}

/** 128 random bits, URL-safe. */
export function randomId(): string {
  return randomBytes(16).toString('base64url');
}
