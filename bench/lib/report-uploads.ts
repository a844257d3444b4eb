import type { ConfirmVariant } from '../suites/confirm.ts';
import {
  describeNetwork,
  formatKiloBytes,
  megabytes,
  formatSpread as s,
} from './format.ts';
import { table } from './markdown-table.ts';
import type { Results } from './report.ts';
import { type Spread, scaleSpread } from './stats.ts';

const hundredMiB = 100 * 2 ** 20;

/** Section 3: confirming, with and without the copy, side by side. */
export function renderConfirm({ confirm }: Results): string[] {
  const both = (
    label: string,
    pick: (variant: ConfirmVariant) => Spread,
    digits: number,
  ) => [label, s(pick('product'), digits), s(pick('copy'), digits)];
  const figures = (variant: ConfirmVariant) => confirm.variants[variant];

  return [
    '## 3. Confirming 5 uploads',
    '',
    table(
      ['figure', 'product: signed digest, no copy', 'copy: no digest'],
      [
        both(
          'requests per second (5 connections)',
          (v) => figures(v).requestsPerSecond,
          1,
        ),
        both('latency p50, ms', (v) => figures(v).p50Ms, 0),
        both('latency p99, ms', (v) => figures(v).p99Ms, 0),
        both(
          'app server CPU per image, µs',
          (v) => figures(v).appCpuMicrosPerImage,
          0,
        ),
        both(
          "store CPU per image, µs (R2's share in production)",
          (v) => figures(v).storeCpuMicrosPerImage,
          0,
        ),
      ],
    ),
    '',
    `Each confirm checks 5 real photos of ${confirm.photoBytes
      .map((bytes) => formatKiloBytes(bytes))
      .join(', ')} that were PUT just before. product: asked for with ` +
      "each file's SHA-256, as the page asks; the image keeps the upload's " +
      'key (decision 0013). copy: asked for without, so the confirm copies ' +
      'each object in the store (decision 0009), as every confirm did ' +
      'before. The two run in interleaved rounds.',
    '',
  ];
}

/** Section 4: direct against proxied, per 100 MiB and per extra 100 MiB. */
export function renderDirectVsProxy(results: Results): string[] {
  const { directVsProxy: dvp, ask, confirm } = results;
  const { marginal } = dvp;
  const proxyMs = dvp.cpuMsPer100MiB.proxy.median;
  const askVariants = ask.byConnections[0]?.variants;
  const askMs =
    (askVariants?.product.cpuMicrosPerRequest.median ?? Number.NaN) / 1000;
  const plainAskMs =
    (askVariants?.plain.cpuMicrosPerRequest.median ?? Number.NaN) / 1000;
  const confirmMs =
    (confirm.variants.product.appCpuMicrosPerImage.median * dvp.files) / 1000;
  const uploadsPer100MiB = hundredMiB / (dvp.files * dvp.fileBytes);
  const floorMs = (askMs + confirmMs) * uploadsPer100MiB;
  const plainFloorMs = plainAskMs * uploadsPer100MiB;

  return [
    '## 4. Direct against proxied uploads',
    '',
    table(
      [
        'flow',
        `app server CPU per 100 MiB, ms (5 × ${megabytes(dvp.fileBytes)})`,
      ],
      [
        [
          'direct: ask with the digests, PUT to the store, confirm',
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
    'Why the first row of target 4 cannot be met: 100 MiB is ' +
      `${uploadsPer100MiB.toFixed(1)} uploads of 5 × ${megabytes(dvp.fileBytes)}, ` +
      `and 1% of the proxy's ${proxyMs.toFixed(0)} ms per 100 MiB leaves ` +
      `${(proxyMs / 100).toFixed(1)} ms for all of them. Each upload asks ` +
      `once (about ${askMs.toFixed(1)} ms of CPU, target 2) and confirms ` +
      `once (about ${confirmMs.toFixed(1)} ms for 5 images, target 3): ` +
      `${floorMs.toFixed(0)} ms per 100 MiB, ` +
      `${((100 * floorMs) / proxyMs).toFixed(0)}% of the proxy, before a ` +
      'single byte. Even the plain Fastify route of target 2, the least ' +
      `the ask's own work can cost (${plainAskMs.toFixed(1)} ms), spends ` +
      `${plainFloorMs.toFixed(1)} ms per 100 MiB on asking alone, ` +
      `${((100 * plainFloorMs) / proxyMs).toFixed(1)}% of the proxy, with ` +
      'no confirm at all. Any flow that makes HTTP requests per file stays ' +
      'above that floor; it falls only as the files grow.',
    '',
    table(
      ['flow', 'app server CPU per extra 100 MiB, ms'],
      [
        ['direct', s(marginal.cpuMsPer100MiB.direct, 1)],
        ['proxy', s(marginal.cpuMsPer100MiB.proxy, 1)],
        ['direct ÷ proxy, %', s(scaleSpread(marginal.directToProxy, 100), 2)],
      ],
    ),
    '',
    'What "costs the server nothing per byte" means, measured: both flows ' +
      `upload 5 × ${megabytes(marginal.smallBytes)} and 5 × ` +
      `${megabytes(marginal.largeBytes)} in interleaved rounds; each round's ` +
      "large upload's CPU less its small one's, over the extra bytes, is " +
      'what each extra 100 MiB costs. What an upload costs per file drops ' +
      "out. The direct flow's true figure is zero; what is left is the " +
      'jitter of its per-file work, which is why a round can come out below ' +
      'zero.',
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
        `5 × ${megabytes(row.fileBytes)}`,
        row.flow,
        row.peakRssMiB.toFixed(1),
        row.growthMiB.toFixed(1),
        row.cpuMsPer100MiB.toFixed(1),
      ]),
    ),
    '',
  ];
}

/** Section 5: Chromium on loopback and on an emulated home uplink. */
export function renderBrowser({ browser }: Results): string[] {
  const networks = Object.entries(browser.networks);
  const phaseNames = {
    prepare: 'choosing to the ask: read, clean, hash',
    ask: 'the ask',
    toFirstPut: 'the answer to the first PUT',
    puts: 'the PUTs, first start to last end',
    toConfirm: 'the last PUT to the confirm (placeholders)',
    confirm: 'the confirm',
    show: 'the answer to all five shown done',
  } as const;

  return [
    '## 5. Chromium',
    '',
    table(
      [
        'network',
        'rounds',
        `whole flow, ms (5 × ${megabytes(browser.photoBytes)})`,
        '5 bare parallel PUTs, ms',
        'flow ÷ bare',
      ],
      networks.map(([name, figures]) => [
        `${name}: ${describeNetwork(figures)}`,
        String(figures.rounds),
        s(figures.ms.flow, 0),
        s(figures.ms.bare, 0),
        s(figures.flowToBare, 2, '×'),
      ]),
    ),
    '',
    'The whole flow runs from choosing the files to all five shown done: ' +
      'the page prepares each photo (reads it, removes its metadata, hashes ' +
      'it), asks, PUTs at most 3 at a time while the placeholders are made, ' +
      'and confirms. The bare PUTs send the same files at once to URLs ' +
      'signed (before the clock starts) with the same digest header. The ' +
      'home uplink is emulated by Chromium for both alike; all requests ' +
      'share its throughput.',
    '',
    "Where the whole flow spends its time, from the page's resource timings:",
    '',
    table(
      ['phase', ...networks.map(([name]) => `${name}, ms`)],
      Object.entries(phaseNames).map(([phase, label]) => [
        label,
        ...networks.map(([, figures]) =>
          s(figures.phases[phase as keyof typeof phaseNames], 0),
        ),
      ]),
    ),
    '',
  ];
}
