import { formatSpread } from './format.ts';
import { table } from './markdown-table.ts';
import type { Baseline, Results } from './report.ts';
import type { Spread } from './stats.ts';

const s = (value: Spread, digits = 2, unit = '') =>
  formatSpread(value, digits, unit);

/**
 * What the product fixes changed: the signing figures side by side in this
 * run, and the rest against the baseline run when there is one.
 */
export function renderBeforeAfter(
  results: Results,
  baseline?: Baseline,
): string[] {
  const rows: string[][] = [
    [
      'one signed PUT URL, µs',
      s(results.sign.microsPerUrl.before, 1),
      s(results.sign.microsPerUrl.product, 1),
      'this run, side by side',
    ],
    ...results.ask.byConnections.map((level) => [
      `ask for 5 URLs, CPU per request (${level.connections} connections), µs`,
      s(level.variants.before.cpuMicrosPerRequest, 0),
      s(level.variants.product.cpuMicrosPerRequest, 0),
      'this run, side by side',
    ]),
  ];
  if (baseline) {
    const from = `baseline run of ${baseline.startedAt.slice(0, 10)}, commit ${baseline.machine.commit}`;
    rows.push(
      [
        'confirm: app CPU per image, µs',
        s(baseline.confirm.appCpuMicrosPerImage, 0),
        s(results.confirm.appCpuMicrosPerImage, 0),
        from,
      ],
      [
        'confirm: store CPU per image, µs',
        s(baseline.confirm.storeCpuMicrosPerImage, 0),
        s(results.confirm.storeCpuMicrosPerImage, 0),
        from,
      ],
      [
        'confirm: requests per second',
        s(baseline.confirm.requestsPerSecond, 1),
        s(results.confirm.requestsPerSecond, 1),
        from,
      ],
      [
        'confirm: p50, ms',
        s(baseline.confirm.p50Ms, 0),
        s(results.confirm.p50Ms, 0),
        from,
      ],
      [
        'direct flow: app CPU per 100 MiB, ms',
        s(baseline.directVsProxy.cpuMsPer100MiB.direct, 1),
        s(results.directVsProxy.cpuMsPer100MiB.direct, 1),
        from,
      ],
      [
        'direct ÷ proxy, %',
        s(scale(baseline.directVsProxy.directToProxy, 100), 2),
        s(scale(results.directVsProxy.directToProxy, 100), 2),
        from,
      ],
      [
        'Chromium: whole flow, ms',
        s(baseline.browser.ms.flow, 0),
        s(results.browser.ms.flow, 0),
        from,
      ],
      [
        'Chromium: flow ÷ bare PUTs',
        s(baseline.browser.flowToBare),
        s(results.browser.flowToBare),
        from,
      ],
    );
  }

  return [
    '## Before and after',
    '',
    table(['figure', 'before', 'after', 'measured'], rows),
    '',
    'Rows from a baseline run compare two runs, not rounds side by side: ' +
      "read them together with each run's machine load.",
    '',
  ];
}

function scale(value: Spread, by: number): Spread {
  return {
    median: value.median * by,
    min: value.min * by,
    max: value.max * by,
  };
}
