import {
  checkDeclaredFile,
  fileNameMaxLength,
  maxImagesPerProduct,
} from '@vitrine/api/rules';
import { toSentence } from '../to-sentence.ts';
import type { UploadRow } from './upload-row.ts';

export interface PlannedFile {
  file: File;
  row: UploadRow;
}

export interface UploadPlan {
  /** A row for every chosen file, refused ones included. */
  rows: UploadRow[];
  /** The files worth asking the server about, in the order chosen. */
  sendable: PlannedFile[];
}

/**
 * Sorts chosen files before anything is sent. The server checks the same
 * rules and decides; checking here first explains a refusal at once and
 * keeps one bad file from failing the whole request.
 */
export function planUpload(
  files: File[],
  room: number,
  maxUploadBytes: number,
  batch: number,
): UploadPlan {
  const rows: UploadRow[] = [];
  const sendable: PlannedFile[] = [];
  let left = room;

  files.forEach((file, index) => {
    const problem = problemOf(file, maxUploadBytes, left);
    const row: UploadRow = {
      key: `${batch}-${index}`,
      name: file.name,
      byteSize: file.size,
      sentBytes: 0,
      phase: problem ? 'failed' : 'waiting',
      ...(problem ? { problem } : {}),
    };
    rows.push(row);
    if (problem) return;

    sendable.push({ file, row });
    left -= 1;
  });

  return { rows, sendable };
}

function problemOf(
  file: File,
  maxUploadBytes: number,
  left: number,
): string | undefined {
  const check = checkDeclaredFile(file, maxUploadBytes);
  if (!check.ok) return toSentence(check.problem.message);
  if (file.name.trim().length > fileNameMaxLength) {
    return (
      `The file name is longer than ${fileNameMaxLength} characters; ` +
      'rename the file and choose it again.'
    );
  }
  if (left <= 0) {
    return (
      'There is no room for this photo: a product holds at most ' +
      `${maxImagesPerProduct}.`
    );
  }

  return undefined;
}
