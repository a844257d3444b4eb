import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/**
 * Runs axe-core on the page as it is now and fails on any serious or
 * critical violation, listing each with the elements it concerns.
 */
export async function expectAccessible(
  page: Page,
  screen: string,
): Promise<void> {
  const loaded = await page.evaluate(() => 'axe' in window);
  // Evaluated through the DevTools protocol, which the page's Content
  // Security Policy does not govern; an inline <script> tag it refuses.
  if (!loaded) await page.evaluate(axeSource);

  const violations: Violation[] = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: AxeLike }).axe;
    const results = await axe.run(document, {
      resultTypes: ['violations'],
    });
    return results.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact ?? null,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(' ')),
    }));
  });
  const blocking = violations.filter(
    (violation) =>
      violation.impact === 'serious' || violation.impact === 'critical',
  );

  expect(
    blocking.map((v) => `${v.impact} ${v.id}: ${v.help} (${v.targets})`),
    `axe-core on ${screen}`,
  ).toEqual([]);
}

/** The part of axe-core's browser API used here. */
interface AxeLike {
  run(
    context: Document,
    options: { resultTypes: string[] },
  ): Promise<{
    violations: {
      id: string;
      impact?: string | null;
      help: string;
      nodes: { target: string[] }[];
    }[];
  }>;
}
