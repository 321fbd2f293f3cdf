import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_ARTICLE_CHARS } from '../ingest/article/index.js';
import { createFetcher } from '../ingest/fetch/index.js';
import type { Source } from '../ingest/sources.js';
import { createLogger } from '../log.js';
import { openStore, type Store } from '../store/index.js';
import { page, startServer, type TestServer } from '../testing/http-server.js';
import { ingestFile, ingestSource, type IngestDeps } from './ingest.js';

const article = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><title>${title}</title><meta property="article:published_time" content="2024-09-02T10:00:00Z"></head>
   <body><nav>Home | World | Sport</nav><article><h1>${title}</h1>${body
     .split('\n')
     .map((p) => `<p>${p}</p>`)
     .join('')}</article><footer>Copyright</footer></body></html>`;

const visit = `Vladimir Putin arrived in Ulaanbaatar late on Monday for an official visit, his first trip to a member state of the International Criminal Court since it issued a warrant for his arrest in March 2023.
Ukraine had called on Mongolia to arrest him and hand him over to the court in The Hague before the visit began, and human rights groups repeated the demand on Monday.
Mongolia's government did not respond to the requests. The Kremlin said earlier that it had no concerns about the trip, and Russian officials described the visit as routine.`;

const protest = `A small group of protesters gathered in the centre of Ulaanbaatar on Tuesday, holding signs that read "Get out war criminal Putin" ahead of the talks.
Police moved the protesters away from the square before the welcome ceremony started, witnesses said, and several were briefly detained.
The demonstration was the only public sign of opposition to the visit, which the government had prepared with a full military honour guard.`;

function feed(origin: string): string {
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Test news</title><link>${origin}/</link>
    <item><title>Putin arrives in Mongolia</title><link>${origin}/a/visit</link><pubDate>Mon, 02 Sep 2024 20:00:00 GMT</pubDate></item>
    <item><title>Protest in Ulaanbaatar</title><link>${origin}/a/protest</link><pubDate>Tue, 03 Sep 2024 08:00:00 GMT</pubDate></item>
    <item><title>Copy of the visit story</title><link>${origin}/a/visit-copy</link></item>
    <item><title>Gone</title><link>${origin}/a/missing</link><description>Short teaser only.</description></item>
  </channel></rss>`;
}

let server: TestServer;
let store: Store;
let deps: IngestDeps;
let dir: string;
/** What the job logged, one parsed JSON line each. */
const logged: { msg: string; note?: string; error?: string; source_url?: string }[] = [];
/** Whether /a/missing exists yet: it appears between two polls. */
let missingPublished = false;
const PNG = Buffer.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
]);
const huge = 'Delegations met in Geneva to discuss the weather and nothing else. '.repeat(5_000);

beforeAll(async () => {
  server = await startServer({
    '/feed.xml': (req, res, s) => {
      if (req.headers['if-none-match'] === '"v1"') return void res.writeHead(304).end();
      page(feed(s.origin), { 'content-type': 'application/rss+xml', etag: '"v1"' })(req, res, s);
    },
    '/a/visit': page(article('Putin arrives in Mongolia', visit), {
      'content-type': 'text/html; charset=utf-8',
    }),
    '/a/visit-copy': page(article('Putin arrives in Mongolia (AFP)', visit), {
      'content-type': 'text/html; charset=utf-8',
    }),
    '/a/protest': page(article('Protest in Ulaanbaatar', protest), {
      'content-type': 'text/html; charset=utf-8',
    }),
    '/a/missing': (req, res, s) => {
      if (!missingPublished) return void res.writeHead(404).end('not yet');
      page(
        article(
          'Gone',
          'The page that was missing is online now, with a story of its own about talks in Ulaanbaatar.',
        ),
      )(req, res, s);
    },
    '/a/image': page(PNG, { 'content-type': 'text/html; charset=utf-8' }),
    '/a/huge': page(article('A long page', huge), { 'content-type': 'text/html; charset=utf-8' }),
    '/truncated.xml': (req, res, s) =>
      page(feed(s.origin).replace(/<item><title>Copy[\s\S]*$/, '<item><title>Copy of the visit'), {
        'content-type': 'application/rss+xml',
      })(req, res, s),
    '/s/mfa_watch': page(
      readFileSync(join(import.meta.dirname, '../ingest/telegram/testdata/channel.html')),
      { 'content-type': 'text/html; charset=utf-8' },
    ),
  });
  store = await openStore({ url: 'sqlite::memory:', migrate: true });
  const fetcher = createFetcher({
    allowPrivateAddresses: true,
    perHostIntervalMs: 0,
    respectRobots: true,
    maxRetries: 0,
  });
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) logged.push(JSON.parse(line));
      done();
    },
  });
  deps = { store, fetcher, now: () => new Date('2024-09-03T12:00:00Z'), log: createLogger('info', sink) };
  dir = mkdtempSync(join(tmpdir(), 'ww-ingest-'));
});

afterAll(async () => {
  await store.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

const source = (over: Partial<Source>): Source => ({
  id: 'test-feed',
  kind: 'feed',
  url: `${server.origin}/feed.xml`,
  title: 'Test',
  lang: 'en',
  everyMinutes: 30,
  enabled: true,
  ...over,
});

describe('ingestSource on a feed', () => {
  it('stores each linked article once, joins copies, and reports what failed with the reason', async () => {
    const summary = await ingestSource(deps, source({}));
    expect(summary.new).toBe(2); // visit and protest; the missing page's teaser is no article
    expect(summary.duplicate).toBe(1); // the syndicated copy of the visit story
    expect(summary.failed).toEqual([
      {
        where: `${server.origin}/a/missing`,
        reason: expect.stringMatching(
          /^page not fetched \(http_status: HTTP 404 .*\); not stored from the feed's summary alone/,
        ),
      },
    ]);
    const failed = (await store.itemsInState({ state: 'failed' })).filter((i) => i.sourceId === 'test-feed');
    expect(failed).toMatchObject([{ url: `${server.origin}/a/missing`, error: summary.failed[0]!.reason }]);
    const { articles: stored } = await store.listArticles({ limit: 10 });
    expect(stored.map((a) => a.url)).not.toContain(`${server.origin}/a/missing`);
    expect(await store.countArticles({})).toBeGreaterThanOrEqual(2);
    const { articles } = await store.listArticles({ limit: 10 });
    const visitArticle = articles.find((a) => a.url.endsWith('/a/visit'));
    expect(visitArticle?.text).toContain('arrived in Ulaanbaatar');
    expect(visitArticle?.text).not.toContain('Home | World');
    expect(visitArticle?.publishedAt?.slice(0, 10)).toBe('2024-09-02');
  });

  it('asks again with the ETag and, the feed unchanged, retries only the page that failed', async () => {
    const before = server.hits.filter((h) => h === '/a/missing').length;
    const summary = await ingestSource(deps, source({}));
    expect(summary.notModified).toBe(1);
    expect(summary.new + summary.duplicate).toBe(0);
    expect(server.hits.filter((h) => h === '/a/missing')).toHaveLength(before + 1);
    expect(summary.failed.map((f) => f.where)).toEqual([`${server.origin}/a/missing`]);
  });

  it('stores the failed page once it can be fetched, at a later poll', async () => {
    missingPublished = true;
    const summary = await ingestSource(deps, source({}));
    expect([summary.notModified, summary.new, summary.failed.length]).toEqual([1, 1, 0]);
    const { articles } = await store.listArticles({ limit: 10 });
    expect(articles.find((a) => a.url.endsWith('/a/missing'))?.text).toContain('a story of its own');
    expect((await store.itemsInState({ state: 'failed' })).filter((i) => i.sourceId === 'test-feed')).toEqual(
      [],
    );
  });

  it('keeps the entries before the damage of a truncated feed and logs where the damage is', async () => {
    const summary = await ingestSource(
      deps,
      source({ id: 'cut-feed', url: `${server.origin}/truncated.xml` }),
    );
    expect(summary.new + summary.duplicate + summary.skipped + summary.failed.length).toBe(2);
    const where = /item at line \d+, column \d+ is incomplete \(document truncated at line \d+, column \d+\)/;
    expect(summary.notes).toContainEqual({
      where: `${server.origin}/truncated.xml`,
      note: expect.stringMatching(where),
    });
    expect(logged).toContainEqual(
      expect.objectContaining({ msg: 'read in part', note: expect.stringMatching(where) }),
    );
  });
});

describe('ingestSource on a Telegram channel preview', () => {
  it('stores one article per post, and nothing twice on a second pass', async () => {
    const tg = source({ id: 'test-tg', kind: 'telegram', url: `${server.origin}/s/mfa_watch`, lang: 'ru' });
    const first = await ingestSource(deps, tg);
    expect(first.new).toBeGreaterThanOrEqual(2);
    const second = await ingestSource(deps, tg);
    expect(second.new).toBe(0);
    expect(second.skipped).toBe(first.new + first.duplicate);
  });
});

describe('failures', () => {
  it('records a page that does not exist with its HTTP status, and goes on', async () => {
    const summary = await ingestSource(
      deps,
      source({ id: 'missing', kind: 'page', url: `${server.origin}/nowhere` }),
    );
    expect(summary.new).toBe(0);
    expect(summary.failed[0]?.reason).toMatch(/^http_status: .*404/);
    expect(summary.failed[0]?.reason).not.toMatch(/^http_status: http_status:/); // the code once
  });

  it('refuses binary content served as a page, with the reason, and stores nothing', async () => {
    const url = `${server.origin}/a/image`;
    const summary = await ingestSource(deps, source({ id: 'image', kind: 'page', url }));
    expect(summary.failed).toEqual([
      { where: url, reason: 'binary content (PNG image), not text (text/html; charset=utf-8)' },
    ]);
    const { articles } = await store.listArticles({ limit: 100 });
    expect(articles.map((a) => a.url)).not.toContain(url);
  });

  it('cuts a page whose text is over the cap, and says so in the summary and the log', async () => {
    const url = `${server.origin}/a/huge`;
    const summary = await ingestSource(deps, source({ id: 'huge', kind: 'page', url }));
    expect(summary.new).toBe(1);
    const { articles } = await store.listArticles({ limit: 100 });
    const text = articles.find((a) => a.url === url)!.text;
    expect(text.length).toBeLessThanOrEqual(MAX_ARTICLE_CHARS);
    expect(text.length).toBeGreaterThan(MAX_ARTICLE_CHARS - 100);
    expect(summary.notes).toEqual([
      {
        where: url,
        note: expect.stringMatching(
          new RegExp(
            `^text of \\d+ characters cut to the first ${text.length} \\(cap ${MAX_ARTICLE_CHARS}\\)$`,
          ),
        ),
      },
    ]);
    expect(logged).toContainEqual(expect.objectContaining({ msg: 'read in part', source_url: url }));
  });

  it('records HTML served as a feed as a clear failure', async () => {
    const summary = await ingestSource(deps, source({ id: 'not-a-feed', url: `${server.origin}/a/visit` }));
    expect(summary.failed[0]?.reason).toMatch(/html_not_feed/);
  });
});

describe('ingestFile on a local feed', () => {
  it('ingests the entries of a .rss file as a polled feed does, fetching their pages', async () => {
    const path = join(dir, 'saved.rss');
    writeFileSync(
      path,
      feed(server.origin).replace(/\/a\/(visit|protest|visit-copy|missing)</g, '/a/$1?local<'),
    );
    const summary = await ingestFile(deps, path);
    expect(summary.failed).toEqual([]);
    expect(summary.new + summary.duplicate).toBe(4);
    // Pages already stored from the polled feed come back as copies: what matters is that each
    // entry became a done item of the source `file`, made from its fetched page.
    const done = [
      ...(await store.itemsInState({ state: 'extracted' })),
      ...(await store.itemsInState({ state: 'duplicate' })),
    ].filter((i) => i.sourceId === 'file');
    expect(done.map((i) => i.url).sort()).toEqual(
      ['missing', 'protest', 'visit', 'visit-copy'].map((p) => `${server.origin}/a/${p}?local`).sort(),
    );
    expect(server.hits).toContain('/a/visit?local');
  });
});
