import { formatBytes } from '@vitrine/api/rules';
import { useId } from 'react';
import type { UploadItem } from './upload-item.ts';

/** Every file of the list that is or was on its way, as one bar. */
export function OverallProgress({ items }: { items: readonly UploadItem[] }) {
  const labelId = useId();
  const counted = items.filter(
    (item) => item.state !== 'refused' && item.state !== 'cancelled',
  );
  if (counted.length === 0) return null;

  const totalBytes = counted.reduce((sum, item) => sum + item.byteSize, 0);
  const sentBytes = counted.reduce(
    (sum, item) =>
      sum + (item.state === 'done' ? item.byteSize : item.sentBytes),
    0,
  );
  const added = counted.filter((item) => item.state === 'done').length;

  return (
    <div className="overall-progress">
      <p id={labelId} className="overall-label">
        {added} of {counted.length} added · {formatBytes(sentBytes)} of{' '}
        {formatBytes(totalBytes)} sent
      </p>
      <progress
        aria-labelledby={labelId}
        data-testid="overall-progress"
        max={Math.max(totalBytes, 1)}
        value={sentBytes}
      />
    </div>
  );
}
