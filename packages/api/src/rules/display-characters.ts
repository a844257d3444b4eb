/** C0 and C1 controls, and the marks that reorder text (RLO and kin). */
export const hiddenControls = /[\p{Cc}\u202A-\u202E\u2066-\u2069]/u;

/** A surrogate half without its other half: not valid Unicode. */
export const loneSurrogate =
  /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const controls = /\p{Cc}+/gu;
const reorderingMarks = /[\u202A-\u202E\u2066-\u2069]/gu;
const loneSurrogates = new RegExp(loneSurrogate.source, 'g');

/**
 * Text as the server takes it for display: a line break, tab or other
 * control becomes a space, marks that make text read backwards and
 * broken Unicode go, and the ends are trimmed. The page cleans what a
 * person gave it this way (a file's name, an alt text) rather than have
 * the server refuse it for characters nobody sees.
 */
export function cleanDisplayText(text: string): string {
  return text
    .replace(loneSurrogates, '')
    .replace(reorderingMarks, '')
    .replace(controls, ' ')
    .trim();
}
