import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: readonly { readonly target: readonly string[] }[];
}

// What the page functions use in the browser (the project compiles without the DOM library).
declare const axe: { run: (context: unknown, options: unknown) => Promise<{ violations: AxeViolation[] }> };
declare const document: unknown;

/**
 * Runs axe-core in the page. The source is evaluated through the DevTools protocol (not a
 * script tag), so the page's CSP (no inline script) stays as it is in production.
 */
export async function seriousAxeViolations(page: Page): Promise<{ id: string; impact: string | null; help: string; targets: string[] }[]> {
  await page.evaluate(AXE_SOURCE);
  const { violations } = await page.evaluate(() => axe.run(document, { resultTypes: ['violations'] }));
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
}
