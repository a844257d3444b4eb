import { readFileSync, writeFileSync } from 'node:fs';

/** How often memory is sampled where Linux cannot give the peak itself. */
const sampleEveryMs = 50;

export interface Usage {
  cpuMs: number;
  wallMs: number;
  /** Resident memory when the measurement started, and its highest. */
  startRssBytes: number;
  peakRssBytes: number;
}

/**
 * Starts measuring this process: CPU time (user and system, every thread)
 * and its peak resident memory. Call the result to stop.
 *
 * On Linux the kernel keeps the peak (VmHWM) and resets it on request, so
 * nothing runs in between: a sampling timer would wake the process and
 * cost it CPU that the measurement would then book to the work.
 */
export function startUsageMeter(): () => Usage {
  const startRss = process.memoryUsage.rss();
  const kernelPeak = resetKernelPeak();
  let sampledPeak = startRss;
  const timer = kernelPeak
    ? undefined
    : setInterval(() => {
        sampledPeak = Math.max(sampledPeak, process.memoryUsage.rss());
      }, sampleEveryMs);
  const startCpu = process.cpuUsage();
  const startWall = performance.now();

  return () => {
    const cpu = process.cpuUsage(startCpu);
    const wallMs = performance.now() - startWall;
    clearInterval(timer);
    const peak = kernelPeak ? readKernelPeak() : undefined;

    return {
      cpuMs: (cpu.user + cpu.system) / 1000,
      wallMs,
      startRssBytes: startRss,
      peakRssBytes: Math.max(
        peak ?? sampledPeak,
        process.memoryUsage.rss(),
        startRss,
      ),
    };
  };
}

function resetKernelPeak(): boolean {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return readKernelPeak() !== undefined;
  } catch {
    return false;
  }
}

function readKernelPeak(): number | undefined {
  const status = readFileSync('/proc/self/status', 'utf8');
  const kiB = /^VmHWM:\s+(\d+) kB$/m.exec(status)?.[1];

  return kiB === undefined ? undefined : Number(kiB) * 1024;
}
