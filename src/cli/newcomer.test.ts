/**
 * A newcomer's path through the product as it runs (issue 10): news ingested by the real CLI, the
 * site served by `warrant-watch serve`, a moderator added with `user add`, then in Debian's
 * chromium, at desktop width and at 375 px: open home, follow the alert to its trip, read the
 * evidence, post a comment, see it held, sign in as the moderator, approve it, and see it
 * published without the e-mail address. Every page is screenshot (test-results/screenshots) and
 * checked by axe-core: no serious or critical violation.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchBrowser,
  openPage,
  screenshot,
  seriousViolations,
  type ViewportName,
} from '../testing/browser.js';
import { dayFromToday, spelledDay } from '../testing/claims.js';

const bin = join(import.meta.dirname, '..', '..', 'bin', 'warrant-watch');
const PASSWORD = 'a long moderator passphrase';
const dir = mkdtempSync(join(tmpdir(), 'ww-newcomer-'));
const env = {
  ...process.env,
  DATABASE_URL: `sqlite:${join(dir, 'ww.db')}`,
  WW_FEEDS_DIR: join(dir, 'feeds'),
  WW_LOG_LEVEL: 'error',
};

function cli(args: string[], input?: string): string {
  const r = spawnSync(process.execPath, [bin, ...args], { env, input, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`warrant-watch ${args.join(' ')}: exit ${r.status}: ${r.stderr}`);
  return r.stdout;
}

let server: ChildProcess;
let origin: string;
let browser: Browser;

beforeAll(async () => {
  const news = join(dir, 'news.jsonl');
  const text = `Russian President Vladimir Putin will visit Mongolia on ${spelledDay(dayFromToday(6))}, the Kremlin said on Friday. Ulaanbaatar has not said whether it would arrest him.`;
  writeFileSync(
    news,
    JSON.stringify({
      id: 'n1',
      url: 'https://news.example/putin-mongolia',
      title: 'Putin to visit Mongolia',
      published: dayFromToday(0),
      text,
    }),
  );
  expect(cli(['ingest', news])).toContain('1 alert(s) raised');
  cli(['user', 'add', 'moderator@example.org', '--role', 'moderator', '--password-stdin'], `${PASSWORD}\n`);
  server = spawn(process.execPath, [bin, 'serve', '--port', '0', '--no-watch'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  origin = await new Promise<string>((resolve, reject) => {
    let out = '';
    server.stdout!.on('data', (d) => {
      out += d;
      const m = /serving at (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    server.on('exit', (code) => reject(new Error(`serve exited with ${code}`)));
  });
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  if (server && server.exitCode === null) {
    server.kill('SIGTERM');
    await once(server, 'exit');
  }
});

/** What the checks below ask of the page's window. */
interface InPage {
  getComputedStyle(e: unknown): { position: string };
}

/** Opens `path` (or follows a click), checks axe, saves the screenshot. */
async function look(page: Page, name: string, viewport: ViewportName): Promise<void> {
  await screenshot(page, name, viewport);
  expect(await seriousViolations(page), `${name} at ${viewport}`).toEqual([]);
}

describe.each(['desktop', 'phone'] as const)('a newcomer at %s width', (viewport) => {
  const email = `reader-${viewport}@example.org`;
  const body = `Is Mongolia going to arrest him this time? (${viewport})`;

  it('follows an alert to its trip, comments, and sees the comment published by a moderator without the e-mail', async () => {
    const page = await openPage(browser, viewport);
    await page.goto(`${origin}/`);
    await look(page, 'home', viewport);
    // The phone layout is the stylesheet's: a table of trips becomes labelled blocks, nothing wider than the screen.
    // (Run in the page; this project's types have no DOM, so the page's window is typed here.)
    const headers = await page
      .locator('table.trips thead')
      .evaluate((e) => (globalThis as unknown as InPage).getComputedStyle(e).position);
    expect(headers).toBe(viewport === 'phone' ? 'absolute' : 'static');
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(
      viewport === 'phone' ? 375 : 1280,
    );
    const alert = page.locator('li.alert a').first();
    expect(await alert.textContent()).toContain('Vladimir Putin to visit Mongolia');
    await alert.click();
    await page.waitForURL(/\/trips\//);
    const trip = page.url();
    expect(await page.locator('blockquote').first().textContent()).toContain('will visit Mongolia');
    expect(await page.locator('body').textContent()).toContain('must arrest');
    await look(page, 'trip', viewport);

    await page.fill('#c-body', body);
    await page.fill('#c-name', `Reader ${viewport}`);
    await page.fill('#c-email', email);
    await page.click('button:has-text("Post comment")');
    expect(await page.locator('main').textContent()).toContain('waiting for a moderator');
    await look(page, 'comment-held', viewport);
    await page.goto(trip);
    expect(await page.locator('#comments').textContent()).not.toContain(body);

    await page.goto(`${origin}/signin`);
    await look(page, 'signin', viewport);
    await page.fill('#s-email', 'moderator@example.org');
    await page.fill('#s-password', PASSWORD);
    await page.click('main button[type="submit"]');
    await page.goto(`${origin}/moderation`);
    expect(await page.locator('main').textContent()).toContain(body);
    await look(page, 'moderation', viewport);
    const held = page.locator('li', { hasText: body });
    await held.locator('button:has-text("Approve")').click();

    await page.goto(trip);
    const comments = await page.locator('#comments').textContent();
    expect(comments).toContain(body);
    expect(comments).toContain(`Reader ${viewport}`);
    expect(await page.content()).not.toContain(email);
    await look(page, 'comment-published', viewport);
    await page.context().close();
  }, 120_000);
});
