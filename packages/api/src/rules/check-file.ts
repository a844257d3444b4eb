import type { FileProblem } from './file-problem.ts';
import { formatBytes } from './format-bytes.ts';
import {
  allowedImageTypesLabel,
  type ImageType,
  normalizeImageType,
} from './image-types.ts';

export interface DeclaredFile {
  name: string;
  type: string;
  size: number;
}

export type FileCheck =
  | { ok: true; type: ImageType }
  | { ok: false; problem: FileProblem };

/**
 * Checks what a browser says about a file before anything is signed. The
 * browser runs it to explain a refusal early; the server runs it to decide.
 */
export function checkDeclaredFile(
  file: DeclaredFile,
  maxUploadBytes: number,
): FileCheck {
  const type = normalizeImageType(file.type);
  if (!type) {
    const declared = file.type.trim() === '' ? 'an unknown type' : file.type;
    return refuse(
      file,
      'TYPE_NOT_ALLOWED',
      `${declared} is not allowed; choose a ${allowedImageTypesLabel} image.`,
    );
  }
  if (file.size <= 0) {
    return refuse(file, 'EMPTY_FILE', 'the file is empty.');
  }
  if (file.size > maxUploadBytes) {
    let size = formatBytes(file.size);
    let limit = formatBytes(maxUploadBytes);
    // "10 MB; the limit is 10 MB" would read as no reason at all.
    if (size === limit) {
      size = `${file.size} bytes`;
      limit = `${maxUploadBytes} bytes (${limit})`;
    }
    return refuse(
      file,
      'FILE_TOO_LARGE',
      `the file is ${size}; the limit is ${limit}.`,
    );
  }

  return { ok: true, type };
}

function refuse(
  file: DeclaredFile,
  code: FileProblem['code'],
  message: string,
): FileCheck {
  return { ok: false, problem: { name: file.name, code, message } };
}
