import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

const SERIOUS_IMPACTS = new Set(['serious', 'critical']);

/** Scans the page for WCAG 2.1 A/AA problems and fails on any serious or critical one, listing them. */
export async function expectNoSeriousA11yViolations(page: Page) {
  // a dialog or menu still fading in or out blends its colours with the overlay: scan the settled page
  // (spinners and skeletons animate forever and are left alone)
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Number.POSITIVE_INFINITY),
  );
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations.filter((violation) => SERIOUS_IMPACTS.has(violation.impact ?? ''));
  if (serious.length > 0) {
    const report = serious
      .map(
        (violation) =>
          `[${violation.impact}] ${violation.id}: ${violation.help}\n` +
          violation.nodes
            .slice(0, 5)
            .map((node) => `    ${node.target.join(' ')}\n      ${node.failureSummary?.replaceAll('\n', '\n      ')}`)
            .join('\n'),
      )
      .join('\n');
    console.log(`Accessibility violations on ${page.url()}:\n${report}`);
  }
  expect(
    serious.map((violation) => `${violation.id} (${violation.nodes.length})`),
    `axe on ${page.url()}`,
  ).toEqual([]);
}
