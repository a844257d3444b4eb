import type { AskResult } from '../suites/ask.ts';
import type { BrowserResult } from '../suites/browser.ts';
import type { BundleResult } from '../suites/bundle.ts';
import type { ConfirmResult } from '../suites/confirm.ts';
import type { DirectVsProxyResult } from '../suites/direct-vs-proxy.ts';
import type { ListPageResult } from '../suites/list-page.ts';
import type { SignResult } from '../suites/sign.ts';
import {
  describeNetwork,
  formatKiloBytes,
  formatPercent,
  formatSpread,
  megabytes,
} from './format.ts';

export interface SuiteResults {
  sign: SignResult;
  ask: AskResult;
  confirm: ConfirmResult;
  directVsProxy: DirectVsProxyResult;
  browser: BrowserResult;
  pages: { sqlite: ListPageResult; postgres: ListPageResult };
  bundle: BundleResult;
}

export interface Target {
  id: string;
  what: string;
  /** Median, then the lowest and highest round, from this run. */
  measured: string;
  limit: string;
  /** null: reported, with no limit to meet. */
  met: boolean | null;
}

/** Each of the targets, judged on the median of this run. */
export function judgeTargets(results: SuiteResults): Target[] {
  const { sign, ask, confirm, directVsProxy, browser, pages, bundle } = results;
  const { marginal } = directVsProxy;
  const growth = directVsProxy.memory.filter((row) => row.flow === 'direct');
  const flat = growth.every((row) => row.growthMiB < 16);

  return [
    {
      id: '1',
      what: 'one signed PUT URL: product ÷ hand-written SigV4 reference',
      measured: formatSpread(sign.productToReference, 2, '×'),
      limit: '≤ 5×',
      met: sign.productToReference.median <= 5,
    },
    ...ask.byConnections.map((level) => ({
      id: '2',
      what: `ask for 5 URLs, server CPU per request: tRPC ÷ plain Fastify, ${level.connections} connections`,
      measured: formatSpread(level.productToPlainCpu, 2, '×'),
      limit: '≤ 2×',
      met: level.productToPlainCpu.median <= 2,
    })),
    {
      id: '3',
      what: 'confirm 5 uploads signed with their digest (no copy): app CPU per image; requests per second',
      measured:
        `${formatSpread(confirm.variants.product.appCpuMicrosPerImage, 0, ' µs')}; ` +
        `${formatSpread(confirm.variants.product.requestsPerSecond, 1, '/s')}`,
      limit: 'reported',
      met: null,
    },
    {
      id: '4',
      what: `server CPU per 100 MiB: direct ÷ proxy (5 × ${megabytes(directVsProxy.fileBytes)})`,
      measured: formatPercent(directVsProxy.directToProxy, 2),
      limit: '≤ 1%',
      met: directVsProxy.directToProxy.median <= 0.01,
    },
    {
      id: '4',
      what: `server CPU per extra 100 MiB: direct ÷ proxy (5 × ${megabytes(marginal.smallBytes)} against 5 × ${megabytes(marginal.largeBytes)})`,
      measured: formatPercent(marginal.directToProxy, 2),
      limit: '≤ 1%',
      met: marginal.directToProxy.median <= 0.01,
    },
    {
      id: '4',
      what: 'direct flow: server peak memory growth with 1, 10, 50 MB files',
      measured: growth
        .map((row) => `${row.growthMiB.toFixed(1)} MiB`)
        .join(', '),
      limit: 'does not grow with size',
      met: flat,
    },
    {
      id: '5',
      what: `Chromium on loopback: 5 × ${megabytes(browser.photoBytes)} through the whole flow ÷ 5 bare parallel PUTs`,
      measured: formatSpread(browser.networks.loopback.flowToBare, 2, '×'),
      limit: 'reported',
      met: null,
    },
    {
      id: '5',
      what: `the same on a home uplink (${describeNetwork(browser.networks.home)})`,
      measured: formatSpread(browser.networks.home.flowToBare, 2, '×'),
      limit: '≤ 1.15×',
      met: browser.networks.home.flowToBare.median <= 1.15,
    },
    {
      id: '6',
      what: 'product list page p50, 10,000 products × 5 images, SQLite (public bucket)',
      measured: formatSpread(pages.sqlite.listPage.public.p50Ms, 3, ' ms'),
      limit: '≤ 1 ms',
      met: pages.sqlite.listPage.public.p50Ms.median <= 1,
    },
    {
      id: '6',
      what: 'the same on PostgreSQL',
      measured: formatSpread(pages.postgres.listPage.public.p50Ms, 3, ' ms'),
      limit: 'reported',
      met: null,
    },
    {
      id: '7',
      what: "the SPA's initial JavaScript, gzipped",
      measured: formatKiloBytes(bundle.gzipBytes),
      limit: `≤ ${formatKiloBytes(bundle.budgetBytes)}`,
      met: bundle.gzipBytes <= bundle.budgetBytes,
    },
  ];
}
