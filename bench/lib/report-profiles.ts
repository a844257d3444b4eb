import { table } from './markdown-table.ts';
import type { ProfileSummary } from './profile.ts';
import type { Results } from './report.ts';

/** Where the app server's CPU went, from the profiles taken under load. */
export function renderProfiles(results: Results): string[] {
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
