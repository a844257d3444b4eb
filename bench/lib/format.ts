import type { Spread } from './stats.ts';

/** "4.21 (3.90–4.80)": the median, then the lowest and highest round. */
export function formatSpread(value: Spread, digits = 2, unit = ''): string {
  const f = (n: number) => n.toFixed(digits);

  return `${f(value.median)}${unit} (${f(value.min)}–${f(value.max)})`;
}

export function formatPercent(value: Spread, digits = 1): string {
  const f = (n: number) => (100 * n).toFixed(digits);

  return `${f(value.median)}% (${f(value.min)}–${f(value.max)})`;
}

export function formatKiloBytes(bytes: number): string {
  return `${(bytes / 1000).toFixed(1)} kB`;
}

/** "5 MB": a file size as the targets name it, in decimal megabytes. */
export function megabytes(bytes: number): string {
  const value = bytes / 1e6;

  return `${Number.isInteger(value) ? value : value.toFixed(1)} MB`;
}

/** "50 Mbit/s up, 20 ms latency": an emulated network, or none. */
export function describeNetwork(network: {
  bytesPerSecond: number | null;
  latencyMs: number;
}): string {
  if (network.bytesPerSecond === null) return 'unthrottled';

  return `${(network.bytesPerSecond * 8) / 1e6} Mbit/s up, ${network.latencyMs} ms latency`;
}
