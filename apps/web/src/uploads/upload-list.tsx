import { useRef } from 'react';
import { dropZoneInput } from './drop-zone-focus.ts';
import { OverallProgress } from './overall-progress.tsx';
import { UploadAnnouncer } from './upload-announcer.tsx';
import { isCancellable, isFinished, type UploadItem } from './upload-item.ts';
import type { UploadQueue } from './upload-queue.ts';
import { UploadRow } from './upload-row.tsx';

interface UploadListProps {
  items: readonly UploadItem[];
  queue: UploadQueue;
}

/** The chosen files, each with its progress, and the list as a whole. */
export function UploadList({ items, queue }: UploadListProps) {
  const list = useRef<HTMLUListElement>(null);
  const announcer = <UploadAnnouncer key="announcer" items={items} />;
  if (items.length === 0) return announcer;
  const anyCancellable = items.some(isCancellable);
  const anyFinished = items.some(isFinished);

  // A button that goes away takes the keyboard focus with it: it is put
  // where the person would look next, once the list has changed.
  const focusLater = (find: () => HTMLElement | null | undefined) =>
    requestAnimationFrame(() => (find() ?? dropZoneInput())?.focus());
  const rowButtons = (index: number) =>
    list.current?.children[index]?.querySelector('button');

  return [
    announcer,
    <div className="uploads" key="uploads">
      <OverallProgress items={items} />
      <ul className="upload-list" aria-label="Uploads" ref={list}>
        {items.map((item, index) => (
          <UploadRow
            key={item.id}
            item={item}
            onCancel={(id) => {
              queue.cancel(id);
              focusLater(() => rowButtons(index));
            }}
            onRetry={(id) => queue.retry(id)}
            onRemove={(id) => {
              queue.remove(id);
              const next = index < items.length - 1 ? index : index - 1;
              focusLater(() => rowButtons(next));
            }}
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
            onClick={() => {
              queue.clearFinished();
              focusLater(() => rowButtons(0));
            }}
          >
            Clear finished
          </button>
        )}
      </div>
    </div>,
  ];
}
