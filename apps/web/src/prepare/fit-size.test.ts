import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitSize } from './fit-size.ts';

describe('fitSize', () => {
  it.each([
    [1600, 1200, 1000, 1000, 750],
    [1200, 1800, 1000, 667, 1000],
    [4032, 3024, 2560, 2560, 1920],
    [2560, 1440, 2560, 2560, 1440],
    [800, 600, 2560, 800, 600],
    [10000, 1, 100, 100, 1],
  ])('fits %i×%i within %i as %i×%i', (width, height, maxEdge, w, h) => {
    expect(fitSize({ width, height }, maxEdge)).toEqual({
      width: w,
      height: h,
    });
  });

  it('keeps the longest edge within the limit and the proportions', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20_000 }),
        fc.integer({ min: 1, max: 20_000 }),
        fc.integer({ min: 16, max: 8000 }),
        (width, height, maxEdge) => {
          const fitted = fitSize({ width, height }, maxEdge);
          const longest = Math.max(fitted.width, fitted.height);

          expect(longest).toBe(Math.min(maxEdge, Math.max(width, height)));
          expect(Math.min(fitted.width, fitted.height)).toBeGreaterThanOrEqual(
            1,
          );
          // Rounding moves each edge by half a pixel at most.
          const scale = longest / Math.max(width, height);
          const exact = [width * scale, height * scale].map((edge) =>
            Math.max(1, edge),
          );
          expect(Math.abs(fitted.width - (exact[0] ?? 0))).toBeLessThan(0.51);
          expect(Math.abs(fitted.height - (exact[1] ?? 0))).toBeLessThan(0.51);
        },
      ),
    );
  });
});
