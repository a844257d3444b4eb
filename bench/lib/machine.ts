import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, freemem, loadavg, totalmem } from 'node:os';

export interface Machine {
  node: string;
  cpu: string;
  cores: number;
  memoryGiB: number;
  commit: string;
  /** Uncommitted changes when the bench started, its outputs aside. */
  dirty: boolean;
}

export interface Load {
  /** The 1-minute load average when the suite started and ended. */
  loadAverageBefore: number;
  loadAverageAfter: number;
  /** How busy all cores were during the suite, this bench included. */
  machineBusyPercent: number | null;
  /** This process's own share of that, in percent of all cores. */
  benchPercent: number;
}

export function describeMachine(): Machine {
  const git = (...args: string[]) =>
    execFileSync('git', args, { encoding: 'utf8' }).trim();

  return {
    node: process.version,
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    commit: git('rev-parse', '--short', 'HEAD'),
    // The bench's own outputs do not count: they change with every run.
    dirty:
      git(
        'status',
        '--porcelain',
        '--untracked-files=no',
        '--',
        '.',
        ':!bench/results.json',
        ':!bench/results.md',
        ':!README.md',
      ) !== '',
  };
}

/**
 * Notes how loaded the machine was while a suite ran: the load average, and
 * the busy share of all cores from /proc/stat, so that a run disturbed by
 * something else on the machine says so.
 */
export function watchLoad(): () => Load {
  const before = loadavg()[0] ?? 0;
  const cpuBefore = readCpuTimes();
  const ownBefore = process.cpuUsage();
  const startedMs = performance.now();

  return () => {
    const cpuAfter = readCpuTimes();
    const own = process.cpuUsage(ownBefore);
    const wallMs = performance.now() - startedMs;
    const ticks = cpuBefore && cpuAfter ? cpuAfter.total - cpuBefore.total : 0;
    // Under a tenth of a second of ticks says nothing about the machine.
    const busy =
      cpuBefore && cpuAfter && ticks >= 10 * cpus().length
        ? (100 * (cpuAfter.busy - cpuBefore.busy)) / ticks
        : null;

    return {
      loadAverageBefore: before,
      loadAverageAfter: loadavg()[0] ?? 0,
      machineBusyPercent: busy === null ? null : Math.round(busy),
      benchPercent: Math.round(
        (100 * (own.user + own.system)) / 1000 / wallMs / cpus().length,
      ),
    };
  };
}

export function freeMemoryGiB(): number {
  return Math.round(freemem() / 2 ** 30);
}

function readCpuTimes(): { busy: number; total: number } | null {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
    const ticks = line.split(/\s+/).slice(1).map(Number);
    const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0);
    const total = ticks.reduce((sum, tick) => sum + tick, 0);

    return { busy: total - idle, total };
  } catch {
    return null;
  }
}
