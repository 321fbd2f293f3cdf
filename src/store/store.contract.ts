/**
 * @module store/store.contract
 * The contract every Store implementation passes (SQLite and PostgreSQL): run it from a
 * `*.test.ts` with a factory that opens a fresh, empty database on each call.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fingerprint } from '../ingest/dedup/index.js';
import type { ArticleDraft } from '../model.js';
import type { FailPoint } from './context.js';
import { LATEST_VERSION } from './migrations/index.js';
import type { SaveArticleRequest, Store } from './types.js';
import { printed } from '../testing/articles.js';

export interface StoreTestOptions {
  migrate?: boolean;
  now?: () => Date;
  failpoint?: (point: FailPoint) => void;
}

export type MakeStore = (options: StoreTestOptions) => Promise<Store>;

const text = (name: string) =>
  readFileSync(new URL(`../ingest/dedup/testdata/${name}`, import.meta.url), 'utf8');
export const TEXTS = [
  'en-visit',
  'en-ministry',
  'en-protest',
  'en-finding',
  'ru-visit',
  'ru-ministry',
  'zh-visit',
].map((n) => text(`${n}.txt`));
const VISIT = TEXTS[0]!;
/** A syndicated copy of VISIT: another byline and dateline, same body (a near-duplicate). */
const SYNDICATED = 'By Jane Doe\n\n' + VISIT.replace('ULAANBAATAR, Sept 3 -', 'ULAANBAATAR (Agency) —');
const REWRITE = VISIT.replace('Monday evening', 'Monday night');

const draft = (n: number, extra: Partial<ArticleDraft> = {}): ArticleDraft => ({
  url: `https://news.example/${n}`,
  source: 'test',
  text: TEXTS[n % TEXTS.length]!,
  ...extra,
});

/** A clock that ticks one second per call, from a fixed start: deterministic timestamps. */
export function tickingClock(start = '2024-09-03T00:00:00.000Z'): () => Date {
  let t = Date.parse(start);
  return () => new Date((t += 1000));
}

export function runStoreContract(name: string, makeStore: MakeStore): void {
  const open = (o: StoreTestOptions = {}) => makeStore({ migrate: true, now: tickingClock(), ...o });

  describe(`Store contract: ${name}`, () => {
    describe('migrations', () => {
      it('refuses an empty database unless asked to migrate, naming both versions', async () => {
        await expect(makeStore({})).rejects.toMatchObject({
          code: 'stale_schema',
          message: expect.stringContaining(`version 0, this code needs version ${LATEST_VERSION}`),
        });
      });

      it('migrates an empty database to the latest version', async () => {
        const store = await open();
        expect(await store.schemaVersion()).toBe(LATEST_VERSION);
        expect(await store.countArticles({})).toBe(0);
        await store.close();
      });
    });

    describe('sources, fetches and items', () => {
      it('upserts a source idempotently and keeps what fetching learned', async () => {
        const store = await open();
        const src = { id: 'rferl', kind: 'feed' as const, url: 'https://example.org/feed' };
        expect(await store.upsertSource(src)).toEqual({ ...src, enabled: true });
        await store.recordFetch({
          sourceId: 'rferl',
          url: src.url,
          fetchedAt: '2024-09-03T10:00:00Z',
          outcome: 'ok',
          status: 200,
          etag: '"v1"',
        });
        const again = await store.upsertSource({ ...src, title: 'RFE/RL', scheduleMinutes: 15 });
        expect(again).toMatchObject({ title: 'RFE/RL', scheduleMinutes: 15, etag: '"v1"' });
        expect(await store.listSources({})).toHaveLength(1);
        await store.upsertSource({ ...src, enabled: false });
        expect(await store.listSources({ enabledOnly: true })).toEqual([]);
        await store.close();
      });

      it('records fetches: a 304 keeps the validators, a failure records its error', async () => {
        const store = await open();
        await store.upsertSource({ id: 's', kind: 'page', url: 'https://example.org/' });
        const base = { sourceId: 's', url: 'https://example.org/' };
        await store.recordFetch({
          ...base,
          fetchedAt: '2024-09-03T10:00:00Z',
          outcome: 'ok',
          etag: 'e1',
          lastModified: 'Tue, 03 Sep 2024 09:00:00 GMT',
        });
        const f = await store.recordFetch({
          ...base,
          fetchedAt: '2024-09-03T11:00:00+01:00',
          outcome: 'not_modified',
          status: 304,
        });
        expect(f).toMatchObject({
          outcome: 'not_modified',
          status: 304,
          fetchedAt: '2024-09-03T10:00:00.000Z',
        });
        let [s] = await store.listSources({});
        expect(s).toMatchObject({ etag: 'e1', lastFetchedAt: '2024-09-03T10:00:00.000Z' });
        expect(s?.lastError).toBeUndefined();
        await store.recordFetch({
          ...base,
          fetchedAt: '2024-09-03T12:00:00Z',
          outcome: 'failed',
          errorCode: 'timeout',
          errorMessage: 'no answer in 30 s',
        });
        [s] = await store.listSources({});
        expect(s).toMatchObject({ etag: 'e1', lastError: 'no answer in 30 s' });
        await store.close();
      });

      it("records a fetch of an entry's page without touching its source's validators", async () => {
        const store = await open();
        await store.upsertSource({ id: 's', kind: 'feed', url: 'https://example.org/feed.xml' });
        await store.recordFetch({
          sourceId: 's',
          url: 'https://example.org/feed.xml',
          fetchedAt: '2024-09-03T10:00:00Z',
          outcome: 'ok',
          etag: 'e1',
        });
        await store.recordFetch({
          sourceId: 's',
          url: 'https://example.org/a/story',
          fetchedAt: '2024-09-03T10:01:00Z',
          outcome: 'ok',
        });
        await store.recordFetch({
          sourceId: 's',
          url: 'https://example.org/a/gone',
          fetchedAt: '2024-09-03T10:02:00Z',
          outcome: 'failed',
          errorCode: 'http_status',
        });
        const [s] = await store.listSources({});
        expect(s).toMatchObject({ etag: 'e1', lastFetchedAt: '2024-09-03T10:00:00.000Z' });
        expect(s?.lastError).toBeUndefined();
        await store.close();
      });

      it('upserts items idempotently on (source, url)', async () => {
        const store = await open();
        await store.upsertSource({ id: 's', kind: 'feed', url: 'https://example.org/feed' });
        const a = await store.upsertItem({ sourceId: 's', url: 'https://example.org/1', rawSha256: 'aa' });
        const b = await store.upsertItem({ sourceId: 's', url: 'https://example.org/1', rawSha256: 'aa' });
        expect(b.id).toBe(a.id);
        expect(b.firstSeenAt).toBe(a.firstSeenAt);
        expect(b.updatedAt > a.updatedAt).toBe(true);
        expect(b.state).toBe('fetched');
        await store.upsertItem({
          sourceId: 's',
          url: 'https://example.org/2',
          state: 'failed',
          error: 'empty page',
        });
        expect((await store.itemsInState({ state: 'fetched' })).map((i) => i.id)).toEqual([a.id]);
        expect(await store.itemsInState({ state: 'failed' })).toMatchObject([{ error: 'empty page' }]);
        expect(await store.itemsInState({ state: 'failed', sourceId: 'elsewhere' })).toEqual([]);
        await store.close();
      });
    });

    describe('articles and duplicates', () => {
      it('saves a draft once: saving it again is a duplicate', async () => {
        const store = await open();
        const first = await store.saveArticle(
          printed({
            draft: draft(0, { title: 'Putin in Mongolia' }),
            fetchedAt: '2024-09-03T10:00:00Z',
          }),
        );
        expect(first.kind).toBe('new');
        if (first.kind !== 'new') return;
        expect(first.article).toMatchObject({
          title: 'Putin in Mongolia',
          clusterId: first.article.id,
          fetchedAt: '2024-09-03T10:00:00.000Z',
        });
        expect(first.article.simhash).toMatch(/^[0-9a-f]{16}$/);
        expect(await store.getArticle({ id: first.article.id })).toEqual(first.article);
        const again = await store.saveArticle(
          printed({ draft: draft(0), fetchedAt: '2024-09-03T11:00:00Z' }),
        );
        expect(again).toEqual({ kind: 'duplicate', of: first.article.id, reason: 'content_hash' });
        expect(await store.countArticles({})).toBe(1);
        await store.close();
      });

      it('stores the fingerprint it is given, and refuses one of the wrong shape', async () => {
        const store = await open();
        const req = printed({ draft: draft(0), fetchedAt: '2024-09-03T10:00:00Z' });
        // A fingerprint of another text: the store does not hash the text, it keeps what it is told.
        const other = fingerprint(TEXTS[3]!);
        const saved = await store.saveArticle({ ...req, fingerprint: other });
        expect(saved).toMatchObject({
          kind: 'new',
          article: { contentHash: other.contentHash, simhash: other.simhash },
        });
        const bad = [
          { ...other, contentHash: 'abc' },
          { ...other, simhash: other.simhash.toUpperCase() },
          { ...other, bands: other.bands.slice(1) },
          { ...other, bands: other.bands.map((b) => (b + 1) % 256) },
        ];
        for (const fingerprint of bad)
          await expect(store.saveArticle({ ...req, draft: draft(5), fingerprint })).rejects.toMatchObject({
            code: 'invalid_request',
          });
        await expect(
          store.saveArticle({ draft: draft(5), fetchedAt: req.fetchedAt } as SaveArticleRequest),
        ).rejects.toMatchObject({ code: 'invalid_request' });
        expect(await store.countArticles({})).toBe(1);
        await store.close();
      });

      it('stores publication times in one form, reads them back as written, and queues them in time order', async () => {
        const store = await open();
        const given = ['2024-09-03', '2024-09-03T00:30:00+03:00', '2024-09-02T23:30:00-02:00', undefined];
        const ids: string[] = [];
        for (const [n, publishedAt] of given.entries()) {
          const r = await store.saveArticle(
            printed({
              draft: draft(n, publishedAt ? { publishedAt } : {}),
              fetchedAt: '2024-09-04T00:00:00Z',
            }),
          );
          ids.push(r.kind === 'new' ? r.article.id : '');
        }
        const rows = await store.dumpRows({ table: 'articles', offset: 0, limit: 10 });
        const stored = (id: string) => {
          const r = rows.find((x) => x.id === id)!;
          return [r.published_at, r.published_precision, r.published_offset];
        };
        expect(ids.map(stored)).toEqual([
          ['2024-09-03T00:00:00.000Z', 'day', null],
          ['2024-09-02T21:30:00.000Z', 'time', 180],
          ['2024-09-03T01:30:00.000Z', 'time', -120],
          [null, null, null],
        ]);
        const back = await Promise.all(ids.map(async (id) => (await store.getArticle({ id }))?.publishedAt));
        expect(back).toEqual([
          '2024-09-03',
          '2024-09-03T00:30:00.000+03:00',
          '2024-09-02T23:30:00.000-02:00',
          undefined,
        ]);
        // By instant: 21:30Z on the 2nd, midnight UTC on the 3rd, 01:30Z on the 3rd, then the
        // undated one, fetched on the 4th (as text the forms sort 2, 0, 1).
        expect(await store.unrecordedArticles({ limit: 10 })).toEqual([ids[1], ids[0], ids[2], ids[3]]);
        await expect(
          store.saveArticle(
            printed({ draft: draft(4, { publishedAt: 'yesterday' }), fetchedAt: '2024-09-04T00:00:00Z' }),
          ),
        ).rejects.toMatchObject({ code: 'invalid_request', message: expect.stringContaining('yesterday') });
        await store.close();
      });

      it('finds duplicates by content hash and near ones, and keeps a changed text at a known URL as a version', async () => {
        const store = await open();
        const a = await store.saveArticle(
          printed({
            draft: draft(0, { canonicalUrl: 'https://news.example/canon' }),
            fetchedAt: '2024-09-03T10:00:00Z',
          }),
        );
        const id = a.kind === 'new' ? a.article.id : '';
        const viaCanonical = await store.saveArticle(
          printed({
            draft: draft(1, { url: 'https://m.news.example/x', canonicalUrl: 'https://news.example/canon' }),
            fetchedAt: '2024-09-03T10:01:00Z',
          }),
        );
        // The same article (by its canonical URL), its text changed: a version, in the same cluster.
        expect(viaCanonical).toMatchObject({ kind: 'new', versionOf: id, article: { clusterId: id } });
        const sameText = await store.saveArticle(
          printed({
            draft: draft(9, { text: VISIT.toUpperCase() }),
            fetchedAt: '2024-09-03T10:02:00Z',
          }),
        );
        expect(sameText).toEqual({ kind: 'duplicate', of: id, reason: 'content_hash' });
        const near = await store.saveArticle(
          printed({
            draft: draft(10, { text: SYNDICATED }),
            fetchedAt: '2024-09-03T10:03:00Z',
          }),
        );
        expect(near).toMatchObject({
          kind: 'duplicate',
          of: id,
          reason: 'near_duplicate',
          article: { clusterId: id },
        });
        const other = await store.saveArticle(
          printed({ draft: draft(2), fetchedAt: '2024-09-03T10:04:00Z' }),
        );
        expect(other).toMatchObject({
          kind: 'new',
          article: { clusterId: other.kind === 'new' ? other.article.id : '' },
        });
        expect(other.kind === 'new' && other.versionOf).toBe(undefined);
        expect(await store.countArticles({})).toBe(4);
        await store.close();
      });

      it('makes an earlier near-duplicate the head of the cluster and re-points the others', async () => {
        const store = await open();
        const save = async (n: number, text: string, publishedAt?: string) => {
          const r = await store.saveArticle(
            printed({
              draft: draft(n, { text, ...(publishedAt ? { publishedAt } : {}) }),
              fetchedAt: '2024-09-05T00:00:00Z',
            }),
          );
          if (r.kind === 'new' || r.reason === 'near_duplicate') return r.article;
          throw new Error(`not saved: ${r.reason}`);
        };
        const a = await save(1, VISIT, '2024-09-03T12:00:00+08:00');
        const b = await save(2, SYNDICATED, '2024-09-03T05:00:00Z'); // a is 04:00 UTC
        const c = await save(3, REWRITE); // no date: fetched 2024-09-05, later than a
        expect([b.clusterId, c.clusterId]).toEqual([a.id, a.id]);
        const d = await save(4, VISIT + '\n\nUpdated.', '2024-09-02T23:00:00Z');
        expect(d.clusterId).toBe(d.id);
        for (const x of [a, b, c]) expect((await store.getArticle({ id: x.id }))?.clusterId).toBe(d.id);
        await store.close();
      });

      it('links the item an article came from, in the same transaction', async () => {
        const store = await open();
        await store.upsertSource({ id: 's', kind: 'feed', url: 'https://example.org/feed' });
        const i1 = await store.upsertItem({ sourceId: 's', url: 'https://news.example/0' });
        const i2 = await store.upsertItem({ sourceId: 's', url: 'https://news.example/0?utm=x' });
        const r = await store.saveArticle(
          printed({
            draft: draft(0),
            fetchedAt: '2024-09-03T10:00:00Z',
            itemId: i1.id,
          }),
        );
        await store.saveArticle(
          printed({ draft: draft(0), fetchedAt: '2024-09-03T10:00:00Z', itemId: i2.id }),
        );
        const id = r.kind === 'new' ? r.article.id : '';
        expect(await store.itemsInState({ state: 'extracted' })).toMatchObject([
          { id: i1.id, articleId: id },
        ]);
        expect(await store.itemsInState({ state: 'duplicate' })).toMatchObject([
          { id: i2.id, articleId: id },
        ]);
        await store.close();
      });
    });

    describe('listing', () => {
      it('pages through articles in fetch order with a cursor, and filters by time', async () => {
        const store = await open();
        for (let n = 0; n < 7; n++) {
          await store.saveArticle(
            printed({ draft: draft(n), fetchedAt: `2024-09-0${1 + (n % 3)}T00:00:00Z` }),
          );
        }
        const seen: string[] = [];
        let cursor: string | undefined;
        let pages = 0;
        do {
          const page = await store.listArticles({ limit: 3, ...(cursor ? { cursor } : {}) });
          seen.push(...page.articles.map((a) => `${a.fetchedAt} ${a.id}`));
          cursor = page.nextCursor;
          pages++;
        } while (cursor);
        expect(pages).toBe(3);
        expect(seen).toHaveLength(7);
        expect([...seen].sort()).toEqual(seen);
        expect(new Set(seen).size).toBe(7);
        expect(await store.countArticles({ since: '2024-09-02T00:00:00Z' })).toBe(4);
        expect((await store.listArticles({ since: '2024-09-03', limit: 10 })).articles).toHaveLength(2);
        await expect(store.listArticles({ limit: 0 })).rejects.toMatchObject({ code: 'invalid_request' });
        await expect(store.listArticles({ limit: 5, cursor: 'nonsense' })).rejects.toMatchObject({
          code: 'invalid_request',
        });
        await store.close();
      });
    });

    describe('text order', () => {
      // Ids and ISO times are compared as text (cursors, keyset pages): the order must be SQLite's
      // BINARY one, bytes, on every dialect; a linguistic collation puts 'a' before 'B'.
      it('orders ids and times by their bytes, in pages and in dumps', async () => {
        const store = await open();
        const ids = ['a', 'B', 'a-b', 'ab', 'B_1', 'é', 'A'];
        const at = (n: number) => `2024-09-0${1 + (n % 2)}T0${n % 3}:00:00Z`;
        for (const [n, id] of ids.entries()) {
          const r = await store.saveArticle(printed({ id, draft: draft(n), fetchedAt: at(n) }));
          expect(r.kind).toBe('new');
        }
        const bytes = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));
        const keys = ids.map((id, n) => [new Date(at(n)).toISOString(), id] as const);
        const expected = [...keys].sort(([t1, i1], [t2, i2]) => bytes(t1, t2) || bytes(i1, i2));
        const seen: (readonly [string, string])[] = [];
        let cursor: string | undefined;
        do {
          const page = await store.listArticles({ limit: 2, ...(cursor ? { cursor } : {}) });
          seen.push(...page.articles.map((a) => [a.fetchedAt, a.id] as const));
          cursor = page.nextCursor;
        } while (cursor);
        expect(seen).toEqual(expected);
        const dumped = await store.dumpRows({ table: 'articles', offset: 0, limit: 10 });
        expect(dumped.map((r) => r.id)).toEqual([...ids].sort(bytes));
        await store.close();
      });
    });

    describe('crash safety', () => {
      const crashAt = (point: FailPoint) => (p: FailPoint) => {
        if (p === point) throw new Error(`crash at ${p}`);
      };

      it('a crash while re-pointing a cluster leaves the cluster and the item as they were', async () => {
        let failAt: FailPoint | undefined;
        const store = await open({ failpoint: (p) => failAt && crashAt(failAt)(p) });
        await store.upsertSource({ id: 's', kind: 'feed', url: 'https://example.org/feed' });
        const a = await store.saveArticle(
          printed({
            draft: draft(1, { text: VISIT, publishedAt: '2024-09-03' }),
            fetchedAt: '2024-09-04T00:00:00Z',
          }),
        );
        const aId = a.kind === 'new' ? a.article.id : '';
        const item = await store.upsertItem({ sourceId: 's', url: 'https://news.example/2' });
        const req = {
          draft: draft(2, { text: SYNDICATED, publishedAt: '2024-09-01' }),
          fetchedAt: '2024-09-04T00:00:00Z',
          itemId: item.id,
        };
        for (const point of ['article:inserted', 'cluster:repointed', 'item:linked'] as const) {
          failAt = point;
          await expect(store.saveArticle(printed(req))).rejects.toThrow(`crash at ${point}`);
          expect(await store.countArticles({})).toBe(1);
          expect((await store.getArticle({ id: aId }))?.clusterId).toBe(aId);
          expect(await store.itemsInState({ state: 'fetched' })).toMatchObject([{ id: item.id }]);
        }
        failAt = undefined;
        const ok = await store.saveArticle(printed(req));
        expect(ok).toMatchObject({ kind: 'duplicate', reason: 'near_duplicate' });
        expect((await store.getArticle({ id: aId }))?.clusterId).not.toBe(aId);
        await store.close();
      });

      it('a crash after a fetch is inserted leaves neither the fetch nor the source update', async () => {
        const store = await open({ failpoint: crashAt('fetch:inserted') });
        await store.upsertSource({ id: 's', kind: 'feed', url: 'https://example.org/feed' });
        await expect(
          store.recordFetch({
            sourceId: 's',
            url: 'https://example.org/feed',
            fetchedAt: '2024-09-03T00:00:00Z',
            outcome: 'ok',
            etag: 'x',
          }),
        ).rejects.toThrow('crash at fetch:inserted');
        const [s] = await store.listSources({});
        expect(s?.lastFetchedAt).toBeUndefined();
        expect(s?.etag).toBeUndefined();
        await store.close();
      });
    });
  });
}
