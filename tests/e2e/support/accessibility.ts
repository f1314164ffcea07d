/**
 * Automated accessibility check of the screen as it is: axe-core (Deque's WCAG rules engine,
 * the one browser devtools and most audits use) run inside the page. It finds what a person
 * with a screen reader, low vision or a dim room meets first: text contrast, controls without
 * a name, form fields without a label, broken ARIA, duplicate ids, heading order.
 *
 * axe is injected with page.evaluate (CDP), which the app's strict CSP does not apply to: the
 * app itself never runs it.
 */
import axe from 'axe-core';
import { expect, type Page } from '@playwright/test';
import { transitionsEnded } from './display.ts';

/** WCAG 2.1 levels A and AA (what EN 301 549, the European accessibility standard, asks). */
const RULE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** The page's window once axe.source has run in it. */
type WithAxe = { axe?: typeof axe };

/**
 * Every WCAG A/AA violation on the page now, one line each: rule, impact, and the elements
 * (CSS selector and axe's summary of what is wrong). Empty when there is none.
 */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  // Contrast is checked on the colours at rest.
  await transitionsEnded(page);
  if (!(await page.evaluate(() => (window as WithAxe).axe !== undefined)))
    await page.evaluate(axe.source);
  const violations = await page.evaluate(async (tags) => {
    const checker = (window as WithAxe).axe;
    if (checker === undefined) throw new Error('axe-core was not injected');
    const results = await checker.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    });
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? 'unknown',
      help: v.help,
      nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`),
    }));
  }, RULE_TAGS);
  return violations.flatMap((v) =>
    v.nodes.map((node) => `${v.id} (${v.impact}, ${v.help}) ${node.replace(/\s+/g, ' ')}`),
  );
}

/** Fails the test with the list of violations when the screen has any. */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  expect(await accessibilityViolations(page), `accessibility of ${screen}`).toEqual([]);
}
