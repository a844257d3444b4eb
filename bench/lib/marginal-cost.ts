const hundredMiB = 100 * 2 ** 20;

/**
 * What each extra 100 MiB costs, from two uploads of different sizes: the
 * difference in CPU over the difference in bytes. Whatever an upload costs
 * per file or per request (asking, confirming, the HTTP around them) is
 * the same in both and drops out; only the cost per byte is left.
 */
export function marginalMsPer100MiB(
  small: { bytes: number; cpuMs: number },
  large: { bytes: number; cpuMs: number },
): number {
  if (large.bytes <= small.bytes) {
    throw new Error('The larger upload must carry more bytes.');
  }

  return (
    ((large.cpuMs - small.cpuMs) * hundredMiB) / (large.bytes - small.bytes)
  );
}
