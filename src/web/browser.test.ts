import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { testSite, type TestSite } from '../testing/web.js';
import { launchBrowser, openPage, seriousViolations } from '../testing/browser.js';

let site: TestSite;
let browser: Browser;
let origin: string;
beforeAll(async () => {
  site = await testSite();
  origin = await site.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

it('drives chromium against the site and runs axe on a page', async () => {
  const page = await openPage(browser, 'phone');
  const r = await page.goto(`${origin}/no-such-page`);
  expect(r?.status()).toBe(404);
  expect(await page.title()).toContain('Not found');
  expect(await seriousViolations(page)).toEqual([]);
}, 60_000);
