import type { DirectVsProxyResult } from '../suites/direct-vs-proxy.ts';
import type { Load, Machine } from './machine.ts';
import { table } from './markdown-table.ts';
import { renderBeforeAfter } from './report-before-after.ts';
import { renderDetails } from './report-details.ts';
import { renderProfiles } from './report-profiles.ts';
import type { SuiteResults, Target } from './targets.ts';

export interface Results extends SuiteResults {
  command: string;
  startedAt: string;
  durationSeconds: number;
  machine: Machine;
  loads: Record<string, Load>;
  targets: Target[];
}

/**
 * The baseline: an earlier run, kept to show what a product fix changed,
 * in the shape of its day; only the figures still compared are read.
 */
export interface Baseline {
  machine: Machine;
  startedAt: string;
  directVsProxy: Pick<DirectVsProxyResult, 'cpuMsPer100MiB'>;
}

/** results.md: the targets first, then every figure behind them. */
export function renderReport(results: Results, baseline?: Baseline): string {
  return [
    '# Benchmark results',
    '',
    describeRun(results),
    '',
    '## Targets',
    '',
    targetTable(results.targets),
    '',
    'Every ratio is taken round by round between variants run side by side, ',
    'then summed up as the median with the lowest and highest round.',
    '',
    '## Machine load',
    '',
    table(
      ['suite', 'load average, start → end', 'all cores busy', 'bench process'],
      Object.entries(results.loads).map(([suite, load]) => [
        suite,
        `${load.loadAverageBefore.toFixed(2)} → ${load.loadAverageAfter.toFixed(2)}`,
        load.machineBusyPercent === null
          ? 'unknown'
          : `${load.machineBusyPercent}%`,
        `${load.benchPercent}%`,
      ]),
    ),
    '',
    ...renderDetails(results),
    ...renderBeforeAfter(results, baseline),
    ...renderProfiles(results),
  ].join('\n');
}

/** The README's part: which run, on what, how loaded, and the targets. */
export function renderSummary(results: Results): string {
  const loads = Object.values(results.loads).flatMap((load) => [
    load.loadAverageBefore,
    load.loadAverageAfter,
  ]);

  return [
    `${describeRun(results)} Load average during the run: ` +
      `${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}.`,
    '',
    targetTable(results.targets),
  ].join('\n');
}

function describeRun(results: Results): string {
  const { machine } = results;
  const changes = machine.dirty ? ' with uncommitted changes' : '';

  return (
    `\`${results.command}\` on ` +
    `${results.startedAt.slice(0, 16).replace('T', ' ')} UTC, commit ` +
    `${machine.commit}${changes}; Node ${machine.node}, ${machine.cores} × ` +
    `${machine.cpu}, ${machine.memoryGiB} GiB; ` +
    `${Math.round(results.durationSeconds)} s in all.`
  );
}

export function targetTable(targets: Target[]): string {
  return table(
    ['#', 'target', 'measured: median (lowest–highest round)', 'limit', 'met'],
    targets.map((target) => [
      target.id,
      target.what,
      target.measured,
      target.limit,
      target.met === null ? '—' : target.met ? 'yes' : '**no**',
    ]),
  );
}
