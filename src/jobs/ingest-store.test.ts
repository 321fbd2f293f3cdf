/**
 * What ingestion asks of the store: only its four methods, and a draft whose publication date the
 * store cannot read fails its own item while the others are saved.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { silentLogger } from '../log.js';
import { openStore } from '../store/index.js';
import { only } from '../testing/store.js';
import { ingestFile } from './ingest.js';

const dir = mkdtempSync(join(tmpdir(), 'ww-ingest-dates-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('an unreadable published date fails that line only, and the others are stored in the one form', async () => {
  const file = join(dir, 'news.jsonl');
  const lines = [
    {
      id: 'a',
      published: '2024-09-03T01:30:00+03:00',
      text: 'Putin arrived in Ulaanbaatar on Monday night.',
    },
    { id: 'b', published: 'last Tuesday', text: 'Protesters gathered in the capital ahead of the talks.' },
    { id: 'c', published: '2024-09-04', text: 'The Court said Mongolia had failed to arrest him.' },
  ];
  writeFileSync(file, lines.map((l) => JSON.stringify(l)).join('\n'));
  const store = await openStore({ url: 'sqlite::memory:', migrate: true });
  const fetcher = { fetch: () => Promise.reject(new Error('no network in this test')) };
  const deps = {
    // The slice IngestDeps names: a call to any other method of the store would throw here.
    store: only(store, 'upsertSource', 'recordFetch', 'upsertItem', 'saveArticle', 'itemsInState'),
    fetcher,
    now: () => new Date('2024-09-05T00:00:00Z'),
    log: silentLogger,
  };
  const summary = await ingestFile(deps, file);
  expect(summary.new).toBe(2);
  expect(summary.failed).toEqual([
    { where: expect.stringMatching(/#b$/), reason: expect.stringContaining('"last Tuesday"') },
  ]);
  expect(await store.itemsInState({ state: 'failed' })).toHaveLength(1);
  const { articles } = await store.listArticles({ limit: 10 });
  expect(articles.map((a) => a.publishedAt).sort()).toEqual(['2024-09-03T01:30:00.000+03:00', '2024-09-04']);
  await store.close();
});
