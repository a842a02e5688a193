// Debian's Chromium driven by playwright-core (`npx playwright install` cannot download browsers offline).
// Screenshots go to test/artifacts/ (not committed).
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS = join('test', 'artifacts');

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    // Without the background-networking flags Chromium keeps calling Google, which this closed network refuses.
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** The phone the public pages are tested on. */
export const PHONE = { width: 390, height: 844 } as const;

/** A new context in Vietnamese (vi-VN) or English (en-GB), a 390 px phone unless `options` gives another viewport. */
export function newContextIn(browser: Browser, lang: 'vi' | 'en', options: BrowserContextOptions = {}): Promise<BrowserContext> {
  return browser.newContext({ locale: lang === 'vi' ? 'vi-VN' : 'en-GB', viewport: PHONE, ...options });
}

export async function screenshot(page: Page, name: string) {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

const AXE = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');
type Violation = { id: string; impact: string | null; help: string; nodes: Array<{ target: unknown }> };

/** axe-core's serious and critical findings on the page as it stands, one line each (none: []). Evaluated
 *  through the DevTools protocol, so the page's own CSP (no inline scripts) stays on. */
export async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document) => Promise<{ violations: Violation[] }> } }).axe;
    return (await axe.run(document)).violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${JSON.stringify(v.nodes.map((n) => n.target).slice(0, 3))}`);
}
