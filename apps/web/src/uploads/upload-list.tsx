import { OverallProgress } from './overall-progress.tsx';
import { isCancellable, isFinished, type UploadItem } from './upload-item.ts';
import type { UploadQueue } from './upload-queue.ts';
import { UploadRow } from './upload-row.tsx';

interface UploadListProps {
  items: readonly UploadItem[];
  queue: UploadQueue;
}

/** The chosen files, each with its progress, and the list as a whole. */
export function UploadList({ items, queue }: UploadListProps) {
  if (items.length === 0) return null;
  const anyCancellable = items.some(isCancellable);
  const anyFinished = items.some(isFinished);

  return (
    <div className="uploads">
      <OverallProgress items={items} />
      {/* Polite: a screen reader hears each file's outcome, not each byte. */}
      <ul className="upload-list" aria-label="Uploads" aria-live="polite">
        {items.map((item) => (
          <UploadRow
            key={item.id}
            item={item}
            onCancel={(id) => queue.cancel(id)}
            onRetry={(id) => queue.retry(id)}
            onRemove={(id) => queue.remove(id)}
          />
        ))}
      </ul>
      <div className="upload-list-actions">
        {anyCancellable && (
          <button
            type="button"
            className="secondary"
            onClick={() => queue.cancelAll()}
          >
            Cancel all
          </button>
        )}
        {anyFinished && (
          <button
            type="button"
            className="secondary"
            onClick={() => queue.clearFinished()}
          >
            Clear finished
          </button>
        )}
      </div>
    </div>
  );
}
