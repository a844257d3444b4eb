import { readFileSync, writeFileSync } from 'node:fs';

const start = /<!-- bench:start[^>]*-->/;
const end = '<!-- bench:end -->';

/**
 * Puts the latest run's summary between the README's bench markers, so that
 * the README always shows the table of the run that made it. Returns false,
 * leaving the file alone, when the markers are missing.
 */
export function updateReadme(path: string, summary: string): boolean {
  const readme = readFileSync(path, 'utf8');
  const opening = start.exec(readme);
  const closing = readme.indexOf(end);
  if (!opening || closing < opening.index) return false;

  const before = readme.slice(0, opening.index + opening[0].length);
  writeFileSync(path, `${before}\n${summary}\n${readme.slice(closing)}`);

  return true;
}
