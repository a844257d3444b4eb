/**
 * The API writes file problems as fragments meant to follow a file name
 * ("the file is empty."). Shown on their own they read better as sentences.
 * A leading MIME type ("image/svg+xml is not allowed") keeps its case.
 */
export function toSentence(text: string): string {
  const trimmed = text.trim();
  if (trimmed === '') return trimmed;

  const firstWord = trimmed.split(/\s/, 1)[0] ?? '';
  const capitalized = firstWord.includes('/')
    ? trimmed
    : trimmed.charAt(0).toUpperCase() + trimmed.slice(1);

  return /[.!?]$/.test(capitalized) ? capitalized : `${capitalized}.`;
}
