import type { AskResult } from '../suites/ask.ts';
import { formatKiloBytes, formatSpread } from './format.ts';
import { table } from './markdown-table.ts';
import type { Results } from './report.ts';
import {
  renderBrowser,
  renderConfirm,
  renderDirectVsProxy,
} from './report-uploads.ts';
import type { Spread } from './stats.ts';

const s = (value: Spread, digits = 2, unit = '') =>
  formatSpread(value, digits, unit);

/** One section per target, with every figure behind its line. */
export function renderDetails(results: Results): string[] {
  const { sign, ask, pages, bundle } = results;

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
    ...renderConfirm(results),
    ...renderDirectVsProxy(results),
    ...renderBrowser(results),
    '## 6. Pages at 10,000 products × 5 images',
    '',
    table(
      ['database', 'page', 'covers', 'p50, ms', 'p99, ms'],
      (['sqlite', 'postgres'] as const).flatMap((database) => {
        const figures = pages[database];
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
