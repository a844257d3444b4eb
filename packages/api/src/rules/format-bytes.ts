const units = ['bytes', 'KB', 'MB', 'GB'] as const;

/** A byte count as a person reads it: "10 MB", "512 KB", "3 bytes". */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const rounded = unit === 0 ? value : Math.round(value * 10) / 10;

  return `${rounded} ${units[unit]}`;
}
