import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayFromToday, spelledDay } from '../testing/claims.js';
import { runCli } from '../testing/cli.js';
import { page, startServer, type Handler, type TestServer } from '../testing/http-server.js';

const rss = (items: string) =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>${items}</channel></rss>`;
/** A report of a planned visit by a wanted person to a State Party: one trip, one alert. */
const ITEM = (origin: string) =>
  `<item><title>Visit</title><link>${origin}/story</link><pubDate>${new Date(dayFromToday(0)).toUTCString()}</pubDate>` +
  `<description>Russian President Vladimir Putin will visit Mongolia on ${spelledDay(dayFromToday(6))}, the Kremlin said.</description></item>`;
/** The page the item links to: an entry is stored from its page, never from the feed's summary alone. */
const STORY =
  '<!doctype html><html><head><title>Visit</title></head><body><article><h1>Putin to visit Mongolia</h1>' +
  `<p>Russian President Vladimir Putin will visit Mongolia on ${spelledDay(dayFromToday(6))}, the Kremlin said on Monday in a statement.</p>` +
  '<p>The visit would be his first to a State Party of the Rome Statute since the warrant.</p></article></body></html>';
const NO_LINK = '<item><title>Loose</title><description>A line without a link.</description></item>';

function tempDir() {
  return mkdtempSync(join(tmpdir(), 'ww-watch-'));
}

function sourcesFile(dir: string, entries: { id: string; url: string }[]): string {
  const file = join(dir, 'sources.yaml');
  writeFileSync(
    file,
    entries.map((e) => `- { id: ${e.id}, kind: feed, url: '${e.url}', title: ${e.id}, lang: en }\n`).join(''),
  );
  return file;
}

const env = (dir: string) => ({
  DATABASE_URL: `sqlite:${join(dir, 'ww.db')}`,
  WW_FEEDS_DIR: join(dir, 'feeds'),
  WW_ALLOW_PRIVATE_ADDRESSES: 'true',
  WW_PER_HOST_INTERVAL_MS: '0',
  WW_FETCH_TIMEOUT_MS: '5000',
});

describe('warrant-watch watch', () => {
  it('names a missing sources file in one line, without a stack trace', async () => {
    const db = join(tempDir(), 'ww.db');
    const r = await runCli(['watch', '--once', '--sources', '/nowhere/sources.yaml'], {
      DATABASE_URL: `sqlite:${db}`,
    });
    expect([r.code, r.err]).toEqual([
      2,
      'warrant-watch: cannot read the sources file /nowhere/sources.yaml: no such file (set WW_SOURCES_FILE or --sources)\n',
    ]);
  });

  it('refuses a --concurrency that is not a whole number from 1 to 64', async () => {
    const r = await runCli(['watch', '--once', '--concurrency', '0']);
    expect([r.code, r.err]).toEqual([
      2,
      'warrant-watch: --concurrency must be a whole number from 1 to 64, not "0"\n',
    ]);
  });
});

describe('warrant-watch watch --once, every source unreachable', () => {
  let dead: string[];
  beforeAll(async () => {
    // Ports that were just freed: nothing listens there, a connection is refused at once.
    const servers = [await startServer({}), await startServer({})];
    dead = servers.map((s) => s.origin);
    for (const s of servers) await s.close();
  });

  it('prints each failure once, in one line naming the source, then a summary, and exits 1', async () => {
    const dir = tempDir();
    const file = sourcesFile(dir, [
      { id: 'dead-one', url: `${dead[0]}/feed.xml` },
      { id: 'dead-two', url: `${dead[1]}/feed.xml` },
    ]);
    const r = await runCli(['watch', '--once', '--sources', file], env(dir));
    const lines = r.out.split('\n');
    expect(lines.filter((l) => l.includes('failed'))).toEqual([
      expect.stringMatching(new RegExp(`^dead-one: failed: network: .*\\(${dead[0]}/feed\\.xml\\)$`)),
      expect.stringMatching(new RegExp(`^dead-two: failed: network: .*\\(${dead[1]}/feed\\.xml\\)$`)),
    ]);
    for (const origin of dead ?? []) expect(r.out.split(origin).length - 1).toBe(1); // the URL once, too
    expect(lines.at(-2)).toBe(
      'summary: 2 source(s) polled, 0 new article(s), 2 failure(s), 0 trip(s) changed, 0 alert(s) raised',
    );
    expect([r.code, r.err]).toEqual([1, 'warrant-watch: every source failed (2); nothing was read\n']);
  }, 60_000); // loads the extractor for the record step
});

describe('warrant-watch watch --once, several hosts', () => {
  let hosts: TestServer[];
  let arrived = 0;
  let open = (): void => {};
  const allThere = new Promise<void>((resolve) => (open = resolve));
  /** Answers only once the feeds of all three hosts have been asked for: polls one after the other
   * would wait here until the fetch timeout, and fail. */
  const barrier =
    (body: (origin: string) => string): Handler =>
    async (_req, res, server) => {
      if (++arrived === 3) open();
      await allThere;
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(body(server.origin));
    };

  beforeAll(async () => {
    hosts = [
      await startServer({
        '/feed.xml': barrier(() => rss('')),
        '/more.xml': page(rss(''), { 'content-type': 'application/rss+xml' }),
      }),
      await startServer({
        '/feed.xml': barrier((o) => rss(ITEM(o) + NO_LINK)),
        '/story': page(STORY, { 'content-type': 'text/html; charset=utf-8' }),
      }),
      await startServer({ '/feed.xml': barrier(() => rss('')) }),
    ];
  });
  afterAll(async () => {
    for (const h of hosts) await h.close();
  });

  it('polls different hosts at once, one host one request at a time, then says when nothing is due', async () => {
    const [a, b, c] = hosts.map((h) => h.origin);
    const dir = tempDir();
    const file = sourcesFile(dir, [
      { id: 'host-a', url: `${a}/feed.xml` },
      { id: 'host-a-more', url: `${a}/more.xml` },
      { id: 'host-b', url: `${b}/feed.xml` },
      { id: 'host-c', url: `${c}/feed.xml` },
    ]);
    const r = await runCli(['watch', '--once', '--sources', file], env(dir));
    expect(r.out.split('\n').filter((l) => /^ *host-/.test(l))).toEqual([
      'host-a: new 0, duplicate 0, already stored 0, unchanged 0',
      'host-a-more: new 0, duplicate 0, already stored 0, unchanged 0',
      'host-b: new 1, duplicate 0, already stored 0, unchanged 0',
      `  host-b: failed: ${b}/feed.xml: entry Loose has no link`,
      'host-c: new 0, duplicate 0, already stored 0, unchanged 0',
    ]);
    expect(r.out).toContain(
      'summary: 4 source(s) polled, 1 new article(s), 1 failure(s), 1 trip(s) changed, 1 alert(s) raised\n',
    );
    expect([r.code, r.err]).toEqual([0, '']);
    expect(hosts[0]?.maxInFlight).toBe(1); // host-a's two feeds were asked one after the other

    const again = await runCli(['watch', '--once', '--sources', file], env(dir));
    expect(again.out).toMatch(
      /^nothing due: next poll of host-[a-c](-more)? at \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z\n$/,
    );
    const at = Date.parse(again.out.split(' at ')[1]?.trim() ?? '');
    expect(at - Date.now()).toBeGreaterThan(29 * 60_000); // every source was just polled, every 30 min
    expect(again.code).toBe(0);
  }, 60_000); // two runs, each loading the extractor
});
