import {
  checkDeclaredFile,
  fileNameMaxLength,
  maxImagesPerProduct,
} from '@vitrine/api/rules';
import { toSentence } from '../to-sentence.ts';

/**
 * Why a prepared file cannot be sent, or undefined when it can. The same
 * rules as the server, from the constants it exports; the server checks
 * them again and decides.
 */
export function checkChosenFile(
  file: File,
  maxUploadBytes: number,
): string | undefined {
  const check = checkDeclaredFile(file, maxUploadBytes);
  if (!check.ok) return toSentence(check.problem.message);
  if (file.name.trim().length > fileNameMaxLength) {
    return (
      `The file name is longer than ${fileNameMaxLength} characters; ` +
      'rename the file and choose it again.'
    );
  }

  return undefined;
}

/** Why one more file does not fit the product, or undefined when it does. */
export function checkRoom(placesLeft: number): string | undefined {
  if (placesLeft > 0) return undefined;

  return (
    'There is no room for this photo: a product holds at most ' +
    `${maxImagesPerProduct}.`
  );
}
