/** A figure over several rounds: the median, and the lowest and highest. */
export interface Spread {
  median: number;
  min: number;
  max: number;
}

export function spread(values: readonly number[]): Spread {
  if (values.length === 0) return { median: Number.NaN, min: NaN, max: NaN };
  const sorted = [...values].sort((a, b) => a - b);

  return {
    median: percentile(sorted, 50),
    min: sorted[0] ?? Number.NaN,
    max: sorted.at(-1) ?? Number.NaN,
  };
}

/** The p-th percentile of already sorted values, interpolated. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const at = ((sorted.length - 1) * p) / 100;
  const below = sorted[Math.floor(at)] ?? Number.NaN;
  const above = sorted[Math.ceil(at)] ?? below;

  return below + (above - below) * (at - Math.floor(at));
}

/** Each round's a ÷ b, for ratios measured side by side. */
export function ratios(a: readonly number[], b: readonly number[]): number[] {
  return a.map((value, index) => value / (b[index] ?? Number.NaN));
}

/** A spread in other units: each of its figures times `by`. */
export function scaleSpread(value: Spread, by: number): Spread {
  return {
    median: value.median * by,
    min: value.min * by,
    max: value.max * by,
  };
}
