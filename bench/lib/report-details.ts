import type { AskResult } from '../suites/ask.ts';
import { formatKiloBytes, formatSpread } from './format.ts';
import { table } from './markdown-table.ts';
import type { Results } from './report.ts';
import type { Spread } from './stats.ts';

const s = (value: Spread, digits = 2, unit = '') =>
  formatSpread(value, digits, unit);

/** One section per target, with every figure behind its line. */
export function renderDetails(results: Results): string[] {
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
