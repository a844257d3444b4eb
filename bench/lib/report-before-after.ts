import { formatSpread } from './format.ts';
import { table } from './markdown-table.ts';
import type { Baseline, Results } from './report.ts';
import type { Spread } from './stats.ts';

const s = (value: Spread, digits = 2, unit = '') =>
  formatSpread(value, digits, unit);

/**
 * What the product fixes changed: signing and confirming side by side in
 * this run, and the direct flow's CPU against the baseline run when there
 * is one.
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
    ...confirmRows(results),
  ];
  if (baseline) {
    const from =
      `baseline run of ${baseline.startedAt.slice(0, 10)}, ` +
      `commit ${baseline.machine.commit}`;
    rows.push([
      'direct flow: app CPU per 100 MiB, ms',
      s(baseline.directVsProxy.cpuMsPer100MiB.direct, 1),
      s(results.directVsProxy.cpuMsPer100MiB.direct, 1),
      from,
    ]);
  }

  return [
    '## Before and after',
    '',
    table(['figure', 'before', 'after', 'measured'], rows),
    '',
    'Rows from a baseline run compare two runs, not rounds side by side: ' +
      "read them together with each run's machine load. Of the baseline, " +
      "only the direct flow's own CPU is compared: its ratio to the proxy " +
      "moves with the proxy's CPU, which varies from run to run, and its " +
      'Chromium figures came from a page that did not yet prepare photos ' +
      '(decision 0012).',
    '',
  ];
}

/**
 * The confirm with the copy of decision 0009, as every confirm was before
 * decision 0013, against the product's, from interleaved rounds.
 */
function confirmRows({ confirm }: Results): string[][] {
  const { copy, product } = confirm.variants;
  const row = (label: string, pick: (f: typeof copy) => Spread, digits = 0) => [
    `confirm: ${label}`,
    s(pick(copy), digits),
    s(pick(product), digits),
    'this run, side by side: copy (no digest) → product (digest)',
  ];

  return [
    row('app CPU per image, µs', (f) => f.appCpuMicrosPerImage),
    row('store CPU per image, µs', (f) => f.storeCpuMicrosPerImage),
    row('requests per second', (f) => f.requestsPerSecond, 1),
    row('p50, ms', (f) => f.p50Ms),
  ];
}
