import { describe, expect, it } from 'vitest';
import { marginalMsPer100MiB } from './marginal-cost.ts';

const MiB = 2 ** 20;

describe('marginalMsPer100MiB', () => {
  it('leaves out what both uploads cost alike', () => {
    // 30 ms per upload, plus 2 ms per MiB.
    const cost = (mib: number) => ({ bytes: mib * MiB, cpuMs: 30 + 2 * mib });

    expect(marginalMsPer100MiB(cost(5), cost(50))).toBeCloseTo(200);
  });

  it('is zero for a flow that costs nothing per byte', () => {
    const small = { bytes: 5 * MiB, cpuMs: 30 };
    const large = { bytes: 50 * MiB, cpuMs: 30 };

    expect(marginalMsPer100MiB(small, large)).toBe(0);
  });

  it('refuses uploads that do not differ in size', () => {
    const same = { bytes: MiB, cpuMs: 1 };

    expect(() => marginalMsPer100MiB(same, same)).toThrow(/more bytes/);
  });
});
