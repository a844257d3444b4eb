/**
 * The file name with its extension replaced: `IMG_0042.HEIC` becomes
 * `IMG_0042.jpg`. A name without one gets it added.
 */
export function withExtension(name: string, extension: string): string {
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;

  return `${stem}.${extension}`;
}
