/**
 * The review pages in chromium at a desktop and a phone width: an analyst signs in, opens the
 * queue and a trip, takes a decision by its form and sees it in the audit trail. Every page is
 * checked with axe and screenshot (test-results/screenshots/review-*).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchBrowser,
  openPage,
  screenshot,
  seriousViolations,
  VIEWPORTS,
  type ViewportName,
} from '../../testing/browser.js';
import { testSite, type TestSite } from '../../testing/web.js';
import { addAccount } from '../comments/testing.js';
import { fill } from './testing.js';

const PASSWORD = 'analyst password 1';

let site: TestSite;
let browser: Browser;
let origin: string;
beforeAll(async () => {
  site = await testSite({}, fill);
  await addAccount(site.store, 'analyst@example.org', PASSWORD, 'analyst');
  const [trip] = await site.store.listTrips({ subjectId: 'putin-vladimir', countryIso2: 'BR' });
  await site.store.addComment({
    target: `trip:${trip!.id}`,
    kind: 'correction',
    name: 'A reader',
    emailKey: 'k',
    body: 'The visit was moved to the 21st, says the embassy: https://news.example/embassy-note',
    sourceUrl: 'https://news.example/embassy-note',
    state: 'published',
    createdAt: '2026-12-01T10:00:00Z',
  });
  origin = await site.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

async function look(page: Page, name: string, viewport: ViewportName): Promise<void> {
  await screenshot(page, name, viewport);
  expect(await seriousViolations(page), `${name} at ${viewport}`).toEqual([]);
  // Nothing wider than the screen: the phone layout wraps what the desktop one lays side by side.
  expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(
    VIEWPORTS[viewport].width,
  );
}

describe.each(['desktop', 'phone'] as const)('an analyst at %s width', (viewport) => {
  it('reviews a trip from the queue and sees the decision in its audit trail', async () => {
    const page = await openPage(browser, viewport);
    await page.goto(`${origin}/signin`);
    await page.fill('#s-email', 'analyst@example.org');
    await page.fill('#s-password', PASSWORD);
    await page.click('main button[type="submit"]');
    await page.goto(`${origin}/review`);
    expect(await page.locator('main h2').first().textContent()).toMatch(/trips? waits? for an analyst/);
    await look(page, 'review-queue', viewport);
    await page.locator('ol.review-queue h3 a').first().click();
    await page.waitForURL(/\/review\/trips\//);
    expect(await page.locator('main').textContent()).toContain('The visit was moved to the 21st');
    await look(page, 'review-trip', viewport);
    await page.fill('#why-confirm', `Checked at ${viewport} width`);
    await page.click('button:has-text("Confirm the trip")');
    await page.waitForURL(/\/review\/trips\/[^/]+$/);
    expect(await page.locator('ol.audit').textContent()).toContain(`Why: Checked at ${viewport} width`);
    await look(page, 'review-trip-decided', viewport);
    // A trip told by three articles: the split form ticks some of them.
    await page.goto(`${origin}/review?subject=putin-vladimir`);
    await page.locator('ol.review-queue li', { hasText: '3 sources' }).locator('h3 a').click();
    await page.waitForURL(/\/review\/trips\//);
    expect(await page.locator('input[name="articles"]').count()).toBe(3);
    await look(page, 'review-trip-split', viewport);
    await page.context().close();
  }, 60_000);
});
