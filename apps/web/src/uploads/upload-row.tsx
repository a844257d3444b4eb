import { formatBytes } from '@vitrine/api/rules';
import { useId, useState } from 'react';
import type { PhotoChange } from '../prepare/prepare-photo.ts';
import { toSentence } from '../to-sentence.ts';
import { isCancellable, isFinished, type UploadItem } from './upload-item.ts';

const stateNotes: Record<UploadItem['state'], string> = {
  preparing: 'Preparing…',
  refused: 'Not sent.',
  queued: 'Waiting to send…',
  sending: 'Sending…',
  retrying: 'Trying again…',
  sent: 'Sent; waiting for the others…',
  checking: 'Checking the photo…',
  done: 'Added.',
  failed: 'Not added.',
  cancelled: 'Cancelled.',
};

const changeNotes: Record<PhotoChange, string> = {
  converted: 'converted from HEIC to JPEG',
  downscaled: 'made smaller',
  'metadata-removed': 'location and camera details removed',
};

/** What the browser did to the photo, as one sentence. */
function describeChanges(changes: readonly PhotoChange[]): string {
  return toSentence(changes.map((change) => changeNotes[change]).join('; '));
}

/** What a progress bar says about its file, for styles and tests. */
export function progressState(item: UploadItem): string {
  if (item.state === 'done' || item.state === 'cancelled') return item.state;
  if (item.state === 'failed' || item.state === 'refused') return 'failed';

  return 'uploading';
}

interface UploadRowProps {
  item: UploadItem;
  onCancel: (id: string) => void;
  onRetry: (id: string) => void;
  onRemove: (id: string) => void;
}

/** One chosen file: its preview, progress, outcome and what can be done. */
export function UploadRow({
  item,
  onCancel,
  onRetry,
  onRemove,
}: UploadRowProps) {
  const nameId = useId();
  const noteId = useId();
  // A file that claims to be an image but is not has no picture to show.
  const [unreadable, setUnreadable] = useState(false);
  const state = progressState(item);
  const problem = state === 'failed' || item.state === 'retrying';

  return (
    <li className="upload-row" data-testid="upload-row" data-state={item.state}>
      {item.previewUrl && !unreadable ? (
        <img
          className="upload-preview"
          src={item.previewUrl}
          alt=""
          width={48}
          height={48}
          onError={() => setUnreadable(true)}
        />
      ) : (
        <span className="upload-preview upload-preview-empty" aria-hidden />
      )}
      <div className="upload-main">
        <div className="upload-row-head">
          <span id={nameId} className="upload-name">
            {item.name}
          </span>
          <span className="muted">{formatBytes(item.byteSize)}</span>
        </div>
        <progress
          aria-labelledby={nameId}
          aria-describedby={noteId}
          data-state={state}
          max={Math.max(item.byteSize, 1)}
          value={item.state === 'done' ? item.byteSize : item.sentBytes}
        />
        <p
          id={noteId}
          className={problem ? 'upload-note problem' : 'upload-note'}
        >
          {item.note ?? stateNotes[item.state]}
          {!problem &&
            item.changes.length > 0 &&
            ` ${describeChanges(item.changes)}`}
        </p>
      </div>
      <div className="upload-actions">
        {isCancellable(item) && (
          <button
            type="button"
            className="secondary small"
            aria-label={`Cancel ${item.name}`}
            onClick={() => onCancel(item.id)}
          >
            Cancel
          </button>
        )}
        {item.state === 'failed' && item.retryable && (
          <button
            type="button"
            className="small"
            aria-label={`Retry ${item.name}`}
            onClick={() => onRetry(item.id)}
          >
            Retry
          </button>
        )}
        {(isFinished(item) || item.state === 'failed') && (
          <button
            type="button"
            className="secondary small"
            aria-label={`Remove ${item.name} from the list`}
            onClick={() => onRemove(item.id)}
          >
            Remove
          </button>
        )}
      </div>
    </li>
  );
}
