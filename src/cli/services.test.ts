/**
 * The services the commands share run on the slice of the store each names: the record step, the
 * webhook sender and the feed writer each get an object with only those methods.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readConfig } from '../config.js';
import { fingerprint } from '../ingest/dedup/index.js';
import { loadRegistry, type IsoDate } from '../registry/index.js';
import { openStore, type Store } from '../store/index.js';
import { dayFromToday } from '../testing/claims.js';
import { only } from '../testing/store.js';
import type { CliContext } from './context.js';
import { deliverer, feedWriter, recorder } from './services.js';

const dir = mkdtempSync(join(tmpdir(), 'ww-services-'));
const reg = loadRegistry();
const ctx: CliContext = {
  registry: () => reg,
  out: { write: () => true } as unknown as CliContext['out'],
  today: () => dayFromToday(0) as IsoDate,
  env: { WW_LOG_LEVEL: 'silent', WW_FEEDS_DIR: join(dir, 'feeds') },
};
const config = readConfig(ctx.env);
let store: Store;

beforeAll(async () => {
  store = await openStore({ url: 'sqlite::memory:', migrate: true });
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

it('records, writes feeds and sends, each on its own slice of the store', async () => {
  const text = `Russian President Vladimir Putin will visit Mongolia on ${dayFromToday(10)}, the Kremlin said.`;
  await store.saveArticle({
    draft: { url: 'https://news.example/1', source: 'test', text, publishedAt: dayFromToday(0) },
    fingerprint: fingerprint(text),
    fetchedAt: new Date().toISOString(),
  });
  const record = await recorder(
    ctx,
    only(
      store,
      'getArticle',
      'saveEvents',
      'claimsAbout',
      'reviewsAbout',
      'replaceTrips',
      'raiseAlerts',
      'markRecorded',
      'unrecordedArticles',
      'getTrip',
    ),
  );
  const recorded = await record();
  expect(recorded).toMatchObject({ articles: 1, failed: [] });
  expect(recorded.alerts.map((a) => a.kind)).toEqual(['upcoming_visit']);
  expect(await feedWriter(ctx, config, only(store, 'listAlerts'))()).toBeGreaterThan(0);
  expect(readdirSync(join(dir, 'feeds'))).toContain('alerts.atom');
  const send = deliverer(config, only(store, 'dueDeliveries', 'recordAttempt'));
  try {
    expect(await send.run()).toEqual({ delivered: 0, retried: 0, dead: 0 }); // no webhook added
  } finally {
    await send.close();
  }
}, 60_000);
