/** A file the server refused, named the way the person chose it. */
export interface FileProblem {
  name: string;
  code: FileProblemCode;
  message: string;
  /** Which upload, when the problem is found at the confirm. */
  uploadId?: string;
}

/**
 * Every reason a file can be refused. The browser shows `message`; `code`
 * lets it react (for example, offer a retry when the object is missing).
 */
export type FileProblemCode =
  | 'TYPE_NOT_ALLOWED'
  | 'EMPTY_FILE'
  | 'FILE_TOO_LARGE'
  | 'NAME_INVALID'
  | 'UPLOAD_UNKNOWN'
  | 'UPLOAD_EXPIRED'
  | 'OBJECT_MISSING'
  | 'OBJECT_MISMATCH'
  | 'CONTENT_MISMATCH'
  | 'IMAGE_UNREADABLE'
  | 'IMAGE_TOO_LARGE';
