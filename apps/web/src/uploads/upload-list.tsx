import type { UploadRow } from './upload-row.ts';
import { UploadRowItem } from './upload-row-item.tsx';

/** The files of the latest choice, each with its progress or refusal. */
export function UploadList({ rows }: { rows: UploadRow[] }) {
  return (
    // Polite: a screen reader hears each file's outcome, not every byte.
    <ul className="upload-list" aria-label="Uploads" aria-live="polite">
      {rows.map((row) => (
        <UploadRowItem key={row.key} row={row} />
      ))}
    </ul>
  );
}
