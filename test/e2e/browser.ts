import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';

export const SHOTS_DIR = '/tmp/plein-shots';
export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 360, height: 740 };

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

// Generous waits: two test files run side by side with PGlite, argon2 and Chromium on two cores.
export async function openContext(browser: Browser, viewport = DESKTOP): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
  context.setDefaultTimeout(20_000);
  return context;
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeFinding {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

// Only serious and critical findings fail a test; the rest are reported so they can be looked at.
export async function findSeriousAxeViolations(page: Page): Promise<AxeFinding[]> {
  // The server's CSP (script-src 'self') blocks addScriptTag({content}); evaluating keeps the CSP on, so the
  // tests still notice when the app itself breaks it, instead of bypassing it for the whole page.
  const loaded = await page.evaluate(() => 'axe' in window);
  if (!loaded) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            context: Document,
            options: object,
          ) => Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> }> }>;
        };
      }
    ).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => JSON.stringify(n.target)) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

// CSP violations and uncaught errors in the app fail the test that caused them.
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy|Uncaught/i.test(message.text())) errors.push(`console: ${message.text()}`);
  });
  return errors;
}

export async function measureHorizontalOverflow(page: Page): Promise<{ scrollWidth: number; clientWidth: number }> {
  return page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
}

// A page is ready when its title is there and no loading indicator remains.
export async function waitForPage(page: Page): Promise<void> {
  await page.waitForSelector('h1', { state: 'visible' });
  await page.waitForFunction(() => document.querySelectorAll('.plein-loading').length === 0, undefined, { timeout: 20_000 });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS_DIR, { recursive: true });
  await page.screenshot({ path: `${SHOTS_DIR}/${name}.png`, fullPage: true });
}

// The checks every page and state gets: no serious axe findings, nothing scrolling sideways on a phone, a screenshot to look at.
export async function expectAccessible(page: Page, name: string, width: number): Promise<void> {
  await waitForPage(page);
  const violations = await findSeriousAxeViolations(page);
  expect(violations, `${name} (${width}px): ${JSON.stringify(violations, null, 2)}`).toEqual([]);
  if (width <= PHONE.width) {
    const { scrollWidth } = await measureHorizontalOverflow(page);
    expect(scrollWidth, `${name} schuift horizontaal op ${width}px`).toBeLessThanOrEqual(width);
  }
  await screenshot(page, `${name}-${width}`);
}

export async function signInWithForm(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/inloggen`);
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.waitForURL(`${baseUrl}/luisteren`);
  await waitForPage(page);
}
