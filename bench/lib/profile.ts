import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';

export interface ProfileSummary {
  sampledMs: number;
  /** Where the CPU went, by package (or Node's own code), busiest first. */
  byPackage: { where: string; percent: number }[];
  /** The functions with the most self time, busiest first. */
  topFunctions: { name: string; where: string; percent: number }[];
}

interface ProfileNode {
  id: number;
  children?: number[];
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/**
 * Starts V8's sampling profiler in this thread; call the result to stop.
 * With BENCH_PROFILE_DIR set, the whole profile is also written there, to
 * open in Chrome's DevTools.
 */
export async function startProfile(): Promise<() => Promise<ProfileSummary>> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 100 });
  await session.post('Profiler.start');

  return async () => {
    const { profile } = (await session.post('Profiler.stop')) as {
      profile: Profile;
    };
    session.disconnect();
    const dir = process.env.BENCH_PROFILE_DIR;
    if (dir) {
      mkdirSync(dir, { recursive: true });
      const name = `${process.pid}-${Date.now()}.cpuprofile`;
      writeFileSync(join(dir, name), JSON.stringify(profile));
    }

    return summarize(profile);
  };
}

/** Runs `work` under the profiler and sums up where its time went. */
export async function profile(
  work: () => Promise<void>,
): Promise<ProfileSummary> {
  const stop = await startProfile();
  await work();

  return stop();
}

function summarize(profile: Profile): ProfileSummary {
  const selfMicros = new Map<number, number>();
  const profiler = profilerNodes(profile);
  profile.samples.forEach((nodeId, index) => {
    if (profiler.has(nodeId)) return;
    const delta = profile.timeDeltas[index] ?? 0;
    selfMicros.set(nodeId, (selfMicros.get(nodeId) ?? 0) + delta);
  });
  const byFunction = new Map<string, number>();
  const byPackage = new Map<string, number>();
  let total = 0;
  for (const node of profile.nodes) {
    const micros = selfMicros.get(node.id) ?? 0;
    const where = packageOf(node.callFrame.url, node.callFrame.functionName);
    if (where === '(idle)') continue;
    const name = `${node.callFrame.functionName || '(anonymous)'}\u0000${where}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + micros);
    byPackage.set(where, (byPackage.get(where) ?? 0) + micros);
    total += micros;
  }
  const percent = (micros: number) =>
    Math.round((1000 * micros) / Math.max(total, 1)) / 10;

  return {
    sampledMs: Math.round(total / 1000),
    byPackage: [...byPackage]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 8)
      .map(([where, micros]) => ({ where, percent: percent(micros) })),
    topFunctions: [...byFunction]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 10)
      .map(([key, micros]) => {
        const [name = '', where = ''] = key.split('\u0000');
        return { name, where, percent: percent(micros) };
      }),
  };
}

/**
 * The nodes under this file's own calls into the inspector: V8 books time
 * to the stack that started the profiler, which is not the app's work.
 */
function profilerNodes(profile: Profile): Set<number> {
  const children = new Map(
    profile.nodes.map((node) => [node.id, node.children ?? []]),
  );
  const found = new Set<number>();
  const mark = (id: number) => {
    found.add(id);
    for (const child of children.get(id) ?? []) mark(child);
  };
  for (const node of profile.nodes) {
    if (node.callFrame.url.endsWith('/bench/lib/profile.ts')) mark(node.id);
  }

  return found;
}

/** A package name, our own folder, or what V8 calls the time. */
function packageOf(url: string, functionName: string): string {
  if (!url) {
    return functionName.startsWith('(') ? functionName : '(native)';
  }
  const inModules = url.lastIndexOf('/node_modules/');
  if (inModules >= 0) {
    const parts = url.slice(inModules + 14).split('/');
    return parts[0]?.startsWith('@')
      ? `${parts[0]}/${parts[1]}`
      : (parts[0] ?? url);
  }
  if (url.startsWith('node:')) return 'node';
  const ours = /\/(apps\/[^/]+|packages\/[^/]+|bench)\//.exec(url);

  return ours?.[1] ?? url;
}
