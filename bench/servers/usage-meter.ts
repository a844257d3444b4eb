/** How often memory is sampled while a measurement runs. */
const sampleEveryMs = 10;

export interface Usage {
  cpuMs: number;
  wallMs: number;
  /** Resident memory when the measurement started, and its highest. */
  startRssBytes: number;
  peakRssBytes: number;
  peakArrayBuffersBytes: number;
}

/**
 * Starts measuring this process: CPU time (user and system, every thread)
 * and resident memory sampled on a timer. Call the result to stop.
 */
export function startUsageMeter(): () => Usage {
  const startCpu = process.cpuUsage();
  const startWall = performance.now();
  const startRss = process.memoryUsage.rss();
  let peakRss = startRss;
  let peakArrayBuffers = 0;
  const sample = () => {
    const memory = process.memoryUsage();
    peakRss = Math.max(peakRss, memory.rss);
    peakArrayBuffers = Math.max(peakArrayBuffers, memory.arrayBuffers);
  };
  sample();
  const timer = setInterval(sample, sampleEveryMs);

  return () => {
    clearInterval(timer);
    sample();
    const cpu = process.cpuUsage(startCpu);

    return {
      cpuMs: (cpu.user + cpu.system) / 1000,
      wallMs: performance.now() - startWall,
      startRssBytes: startRss,
      peakRssBytes: peakRss,
      peakArrayBuffersBytes: peakArrayBuffers,
    };
  };
}
