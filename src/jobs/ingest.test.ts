import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFetcher } from '../ingest/fetch/index.js';
import type { Source } from '../ingest/sources.js';
import { silentLogger } from '../log.js';
import { openStore, type Store } from '../store/index.js';
import { page, startServer, type TestServer } from '../testing/http-server.js';
import { ingestSource, type IngestDeps } from './ingest.js';

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
  deps = { store, fetcher, now: () => new Date('2024-09-03T12:00:00Z'), log: silentLogger };
});

afterAll(async () => {
  await store.close();
  await server.close();
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
    expect(summary.new).toBe(3); // visit, protest, and the missing page's teaser from the feed itself
    expect(summary.duplicate).toBe(1); // the syndicated copy of the visit story
    expect(summary.failed).toEqual([]);
    expect(await store.countArticles({})).toBeGreaterThanOrEqual(2);
    const { articles } = await store.listArticles({ limit: 10 });
    const visitArticle = articles.find((a) => a.url.endsWith('/a/visit'));
    expect(visitArticle?.text).toContain('arrived in Ulaanbaatar');
    expect(visitArticle?.text).not.toContain('Home | World');
    expect(visitArticle?.publishedAt?.slice(0, 10)).toBe('2024-09-02');
  });

  it('asks again with the ETag and does nothing when the feed is unchanged', async () => {
    const summary = await ingestSource(deps, source({}));
    expect(summary.notModified).toBe(1);
    expect(summary.new + summary.duplicate).toBe(0);
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

  it('records HTML served as a feed as a clear failure', async () => {
    const summary = await ingestSource(deps, source({ id: 'not-a-feed', url: `${server.origin}/a/visit` }));
    expect(summary.failed[0]?.reason).toMatch(/html_not_feed/);
  });
});
