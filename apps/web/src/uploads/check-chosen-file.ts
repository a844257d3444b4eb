import {
  checkDeclaredFile,
  fileNameMaxLength,
  maxImagesPerProduct,
} from '@vitrine/api/rules';
import { toSentence } from '../to-sentence.ts';

/**
 * Why a chosen file cannot be sent, or undefined when it can. The same
 * rules as the server, from the constants it exports; the server checks
 * them again and decides.
 */
export function checkChosenFile(
  file: File,
  maxUploadBytes: number,
  placesLeft: number,
): string | undefined {
  const check = checkDeclaredFile(file, maxUploadBytes);
  if (!check.ok) return toSentence(check.problem.message);
  if (file.name.trim().length > fileNameMaxLength) {
    return (
      `The file name is longer than ${fileNameMaxLength} characters; ` +
      'rename the file and choose it again.'
    );
  }
  if (placesLeft <= 0) {
    return (
      'There is no room for this photo: a product holds at most ' +
      `${maxImagesPerProduct}.`
    );
  }

  return undefined;
}
