import { formatBytes } from '@vitrine/api/rules';
import { useId } from 'react';
import { progressStateOf, type UploadRow } from './upload-row.ts';

const notes: Record<UploadRow['phase'], string> = {
  waiting: 'Waiting to send…',
  sending: 'Sending…',
  checking: 'Checking the photo…',
  done: 'Added.',
  failed: 'Not added.',
};

/** One chosen file: its name, a progress bar, and what became of it. */
export function UploadRowItem({ row }: { row: UploadRow }) {
  const nameId = useId();
  const noteId = useId();
  const state = progressStateOf(row.phase);

  return (
    <li className="upload-row" data-testid="upload-row">
      <div className="upload-row-head">
        <span id={nameId} className="upload-name">
          {row.name}
        </span>
        <span className="muted">{formatBytes(row.byteSize)}</span>
      </div>
      <progress
        aria-labelledby={nameId}
        aria-describedby={noteId}
        data-state={state}
        max={Math.max(row.byteSize, 1)}
        value={row.sentBytes}
      />
      <p
        id={noteId}
        className={state === 'failed' ? 'upload-note problem' : 'upload-note'}
      >
        {row.problem ?? notes[row.phase]}
      </p>
    </li>
  );
}
