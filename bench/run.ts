import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startBenchServers } from './lib/bench-servers.ts';
import { describeMachine, type Load, watchLoad } from './lib/machine.ts';
import { updateReadme } from './lib/readme-table.ts';
import {
  type Baseline,
  type Results,
  renderReport,
  renderSummary,
  targetTable,
} from './lib/report.ts';
import { judgeTargets } from './lib/targets.ts';
import { askProductsNeeded, benchAsk } from './suites/ask.ts';
import { benchBrowser, browserProductsNeeded } from './suites/browser.ts';
import { benchBundle } from './suites/bundle.ts';
import { benchConfirm, confirmProductsNeeded } from './suites/confirm.ts';
import {
  benchDirectVsProxy,
  directProductsNeeded,
} from './suites/direct-vs-proxy.ts';
import {
  benchListPagePostgres,
  benchListPageSqlite,
} from './suites/list-page.ts';
import { benchSigning } from './suites/sign.ts';

// `pnpm bench`: every comparison of issue 6 in one run, on this machine.
// Writes bench/results.json and bench/results.md, and prints the targets.

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const startedAt = new Date();
const machine = describeMachine();
const loads: Record<string, Load> = {};

async function suite<T>(name: string, work: () => Promise<T> | T): Promise<T> {
  process.stdout.write(`bench: ${name}…\n`);
  const load = watchLoad();
  const result = await work();
  loads[name] = load();

  return result;
}

const sign = await suite('1 signing', benchSigning);
const bundle = await suite('7 bundle', benchBundle);
const sqlite = await suite('6 pages', benchListPageSqlite);
const postgres = await suite('6 pages, PostgreSQL', benchListPagePostgres);
const servers = await startBenchServers(
  askProductsNeeded +
    confirmProductsNeeded +
    directProductsNeeded +
    browserProductsNeeded,
);
let served: Pick<Results, 'ask' | 'confirm' | 'directVsProxy' | 'browser'>;
try {
  served = {
    ask: await suite('2 ask', () => benchAsk(servers)),
    confirm: await suite('3 confirm', () => benchConfirm(servers)),
    directVsProxy: await suite('4 direct vs proxy', () =>
      benchDirectVsProxy(servers)),
    browser: await suite('5 Chromium', () => benchBrowser(servers)),
  };
} finally {
  await servers.stop();
}

const suites = { sign, bundle, pages: { sqlite, postgres }, ...served };
const results: Results = {
  command: 'pnpm bench',
  startedAt: startedAt.toISOString(),
  durationSeconds: (Date.now() - startedAt.getTime()) / 1000,
  machine,
  loads,
  targets: judgeTargets(suites),
  ...suites,
};
const baselinePath = here('baseline.json');
const baseline = existsSync(baselinePath)
  ? (JSON.parse(readFileSync(baselinePath, 'utf8')) as Baseline)
  : undefined;
writeFileSync(here('results.json'), `${JSON.stringify(results, null, 2)}\n`);
writeFileSync(here('results.md'), `${renderReport(results, baseline)}\n`);
if (!updateReadme(here('../README.md'), renderSummary(results))) {
  process.stdout.write('README.md has no bench markers; left alone.\n');
}
process.stdout.write(
  `\n${targetTable(results.targets)}\n\nbench/results.md has the details.\n`,
);
