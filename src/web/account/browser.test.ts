import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { Alert } from '../../alerts/index.js';
import {
  launchBrowser,
  openPage,
  screenshot,
  seriousViolations,
  type ViewportName,
} from '../../testing/browser.js';
import { webhookCheck } from '../../testing/web.js';
import { addAccount, commentSite, type CommentSite } from '../comments/testing.js';

let site: CommentSite;
let browser: Browser;
let origin: string;
beforeAll(async () => {
  site = await commentSite({
    checkWebhookUrl: webhookCheck({ names: { 'hooks.ngo.example': ['93.184.216.34'] } }),
  });
  await addAccount(site.store, 'mod@ngo.example', 'mod password 123', 'moderator');
  const ann = await addAccount(site.store, 'ann@ngo.example', 'ann password 123', 'analyst');
  await site.store.addWebhook({
    url: 'https://hooks.ngo.example/ann/a-rather-long-path/that-has-to-wrap-on-a-phone?token=abc',
    secret: 'ann-secret-0123456789',
    ownerId: ann.id,
  });
  origin = await site.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

async function raiseAndDeliver() {
  const trip = (await site.store.getTrip({ id: site.tripId }))!;
  const alert = (kind: Alert['kind']) => ({
    id: `${trip.id}:${kind}`,
    kind,
    tripId: trip.id,
    subjectId: trip.subjectId,
    countryIso2: trip.countryIso2,
    evidence: { articleId: 'a1', published: '2024-08-29' },
    duty: { kind: 'binding' as const, basis: [], date: '2024-09-03' as Alert['duty']['date'] },
    createdAt: '2024-08-29T09:00:00Z',
    articleId: 'a1',
  });
  await site.store.raiseAlerts({ alerts: [alert('upcoming_visit'), alert('arrival')] });
  const due = await site.store.dueDeliveries({ now: '2099-01-01T00:00:00Z', limit: 10 });
  for (const [i, d] of due.entries())
    await site.store.recordAttempt(
      i % 2
        ? { id: d.id, outcome: 'delivered', at: '2026-12-04T11:58:00Z' }
        : {
            id: d.id,
            outcome: 'failed',
            at: '2026-12-04T11:58:00Z',
            error: 'HTTP 503',
            retryAt: '2026-12-04T11:58:30Z',
          },
    );
}

describe('the webhooks page in a browser', () => {
  it('signs in, adds a webhook, shows the secret once and the deliveries, at both widths, with no serious axe violation', async () => {
    for (const viewport of ['desktop', 'phone'] as ViewportName[]) {
      const page = await openPage(browser, viewport);
      await page.goto(`${origin}/signin`);
      await page.fill('#s-email', 'mod@ngo.example');
      await page.fill('#s-password', 'mod password 123');
      await Promise.all([page.waitForURL(/\/moderation$/), page.click('button[type=submit]')]);
      await page.goto(`${origin}/account/webhooks`);
      await page.fill('#w-url', `https://hooks.ngo.example/${viewport}`);
      await page.check('input[name=kinds][value=arrival]');
      await page.check('input[name=kinds][value=upcoming_visit]');
      await Promise.all([page.waitForLoadState('load'), page.click('text=Add webhook')]);
      expect(await page.inputValue('#secret-value')).toMatch(/^[\w-]{43}$/);
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, 'account-webhooks-added', viewport);
      if (viewport === 'desktop') await raiseAndDeliver();
      await page.goto(`${origin}/account/webhooks`);
      expect(await page.locator('#secret-value').count()).toBe(0);
      expect(await page.locator('table.deliveries').count()).toBeGreaterThan(0);
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, 'account-webhooks', viewport);
      await page.context().close();
    }
  }, 120_000);
});
