import type { AskResult } from '../suites/ask.ts';
import { formatKiloBytes, formatSpread } from './format.ts';
import type { Load, Machine } from './machine.ts';
import type { ProfileSummary } from './profile.ts';
import type { Spread } from './stats.ts';
import type { SuiteResults, Target } from './targets.ts';

export interface Results extends SuiteResults {
  command: string;
  startedAt: string;
  durationSeconds: number;
  machine: Machine;
  loads: Record<string, Load>;
  targets: Target[];
}

/** The baseline: an earlier run, kept to show what a product fix changed. */
export type Baseline = Pick<
  Results,
  'machine' | 'startedAt' | 'confirm' | 'directVsProxy' | 'browser' | 'ask'
>;

const s = (value: Spread, digits = 2, unit = '') =>
  formatSpread(value, digits, unit);

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
    ...details(results),
    ...beforeAfter(results, baseline),
    ...profiles(results),
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

function details(results: Results): string[] {
  const {
    sign,
    ask,
    confirm,
    directVsProxy: dvp,
    browser,
    pages,
    bundle,
  } = results;

  return [
    '## 1. One signed PUT URL',
    '',
    table(
      ['signer', 'µs per URL'],
      [
        ['floor: the HMAC and SHA-256 work alone', s(sign.microsPerUrl.floor)],
        [
          'reference: hand-written SigV4, day key cached',
          s(sign.microsPerUrl.reference),
        ],
        [
          'product: S3RequestPresigner on a request built once per bucket',
          s(sign.microsPerUrl.product),
        ],
        [
          'before: getSignedUrl with a PutObjectCommand per URL',
          s(sign.microsPerUrl.before),
        ],
      ],
    ),
    '',
    `Product ÷ reference ${s(sign.productToReference, 2, '×')}; before ÷ reference ` +
      `${s(sign.beforeToReference, 1, '×')}. The reference and the product gave the ` +
      `same URL, signature included, for all ${sign.sameSignatures} checked inputs.`,
    '',
    '## 2. Asking for 5 URLs over HTTP',
    '',
    askTable(ask),
    '',
    "product: `uploads.create` through tRPC's Fastify adapter; plain: the same " +
      'validation, signing and database work on a plain Fastify route; before: ' +
      'the product with getSignedUrl per URL. Each request asks for a product ' +
      "of its own. CPU is the server process's, user and system.",
    '',
    '## 3. Confirming 5 uploads',
    '',
    table(
      ['figure', 'median (lowest–highest round)'],
      [
        [
          'requests per second (5 connections)',
          s(confirm.requestsPerSecond, 1),
        ],
        ['latency p50, ms', s(confirm.p50Ms, 0)],
        ['latency p99, ms', s(confirm.p99Ms, 0)],
        ['app server CPU per image, µs', s(confirm.appCpuMicrosPerImage, 0)],
        [
          "store CPU per image, µs (R2's share in production)",
          s(confirm.storeCpuMicrosPerImage, 0),
        ],
      ],
    ),
    '',
    `Each confirm checks 5 real photos of ${confirm.photoBytes
      .map((bytes) => formatKiloBytes(bytes))
      .join(', ')} that were PUT just before.`,
    '',
    '## 4. Direct against proxied uploads',
    '',
    table(
      ['flow', 'app server CPU per 100 MiB, ms'],
      [
        [
          'direct: ask, PUT to the store, confirm',
          s(dvp.cpuMsPer100MiB.direct, 1),
        ],
        [
          'proxy: multipart through the server to disk',
          s(dvp.cpuMsPer100MiB.proxy, 1),
        ],
        ['(the store, in the direct flow)', s(dvp.storeCpuMsPer100MiB, 1)],
      ],
    ),
    '',
    table(
      [
        'file size',
        'flow',
        'peak RSS, MiB',
        'growth during the upload, MiB',
        'CPU per 100 MiB, ms (one upload)',
      ],
      dvp.memory.map((row) => [
        `5 × ${row.fileBytes / 1e6} MB`,
        row.flow,
        row.peakRssMiB.toFixed(1),
        row.growthMiB.toFixed(1),
        row.cpuMsPer100MiB.toFixed(1),
      ]),
    ),
    '',
    '## 5. Chromium',
    '',
    table(
      ['way', `ms for 5 × ${browser.photoBytes / 1e6} MB`],
      [
        [
          'the whole flow, from choosing the files to all five done',
          s(browser.ms.flow, 0),
        ],
        ['5 bare parallel PUTs of the same files', s(browser.ms.bare, 0)],
      ],
    ),
    '',
    '## 6. Pages at 10,000 products × 5 images',
    '',
    table(
      ['database', 'page', 'covers', 'p50, ms', 'p99, ms'],
      (['sqlite', 'postgres'] as const).flatMap((database) => {
        const figures = pages[database];
        if (!figures) return [[database, 'all', '', 'not supported yet', '']];
        return (['listPage', 'productPage'] as const).flatMap((page) =>
          (['public', 'private'] as const).map((bucket) => [
            database,
            page === 'listPage' ? 'products.list (24)' : 'products.get',
            bucket === 'public' ? 'public URL' : 'signed URL',
            s(figures[page][bucket].p50Ms, 3),
            s(figures[page][bucket].p99Ms, 3),
          ]),
        );
      }),
    ),
    '',
    "## 7. The SPA's initial JavaScript",
    '',
    table(
      ['file', 'bytes', 'gzipped'],
      bundle.files.map((file) => [
        file.path,
        formatKiloBytes(file.bytes),
        formatKiloBytes(file.gzipBytes),
      ]),
    ),
    '',
  ];
}

function askTable(ask: AskResult): string {
  return table(
    [
      'connections',
      'server',
      'requests/s',
      'p50, ms',
      'p99, ms',
      'CPU per request, µs',
      'peak RSS, MiB',
    ],
    ask.byConnections.flatMap((level) =>
      (['product', 'plain', 'before'] as const).map((variant) => {
        const figures = level.variants[variant];
        return [
          String(level.connections),
          variant,
          s(figures.requestsPerSecond, 0),
          s(figures.p50Ms, 0),
          s(figures.p99Ms, 0),
          s(figures.cpuMicrosPerRequest, 0),
          s(figures.peakRssMiB, 0),
        ];
      }),
    ),
  );
}

function beforeAfter(results: Results, baseline?: Baseline): string[] {
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

function profiles(results: Results): string[] {
  const named: [string, ProfileSummary][] = [
    ['ask for 5 URLs (product)', results.ask.profiles.product],
    ['ask for 5 URLs (before)', results.ask.profiles.before],
    ['confirm 5 uploads', results.confirm.profile],
  ];

  return [
    '## Where the time goes',
    '',
    "Self time in the app server under load, from V8's sampling profiler. ",
    '"(native)" is time in C++ (SQLite, sockets, crypto).',
    '',
    ...named.flatMap(([name, summary]) => [
      `### ${name}`,
      '',
      table(
        ['where', 'share'],
        summary.byPackage.map((row) => [row.where, `${row.percent}%`]),
      ),
      '',
      table(
        ['function', 'where', 'share'],
        summary.topFunctions.map((row) => [
          row.name,
          row.where,
          `${row.percent}%`,
        ]),
      ),
      '',
    ]),
  ];
}

function scale(value: Spread, by: number): Spread {
  return {
    median: value.median * by,
    min: value.min * by,
    max: value.max * by,
  };
}

function table(head: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;

  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join(
    '\n',
  );
}
