import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../testing/cli.js';
import { page, startServer } from '../testing/http-server.js';

const dir = mkdtempSync(join(tmpdir(), 'ww-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cli = (env: Record<string, string>, ...argv: string[]) => runCli(argv, env);

const html = `<html lang="fr"><head><title>Poutine en Mongolie | Le Journal</title>
<link rel="canonical" href="https://example.org/2024/09/03/poutine-mongolie">
<meta property="article:published_time" content="2024-09-03T08:00:00+02:00"><meta name="author" content="A. Martin"></head>
<body><nav>Accueil International</nav><article><h1>Poutine en Mongolie</h1>
<p>Le président russe Vladimir Poutine est arrivé lundi soir à Oulan-Bator pour une visite officielle, malgré le mandat d'arrêt de la Cour pénale internationale.</p>
<p>La Mongolie, État partie au Statut de Rome, était tenue de l'arrêter. L'Ukraine avait demandé son arrestation avant la visite.</p>
<p>Des manifestants se sont rassemblés dans le centre de la capitale mardi matin pour protester contre cette visite.</p></article>
<footer>Mentions légales</footer></body></html>`;

describe('warrant-watch article', () => {
  it('prints title, byline, date, language, canonical URL and text as JSON', async () => {
    const file = join(dir, 'page.html');
    writeFileSync(file, html);
    const { code, out } = await cli({}, 'article', file, '--json');
    expect(code).toBe(0);
    const a = JSON.parse(out);
    expect(a).toMatchObject({
      byline: 'A. Martin',
      lang: 'fr',
      url: 'https://example.org/2024/09/03/poutine-mongolie',
    });
    expect(a.title).toMatch(/^Poutine en Mongolie/);
    expect(a.published).toMatch(/^2024-09-03/);
    expect(a.text).toContain('est arrivé lundi soir à Oulan-Bator');
    expect(a.text).not.toContain('Mentions légales');
  });

  it('refuses a private address given by a user, with the reason', async () => {
    const server = await startServer({ '/p': page(html, { 'content-type': 'text/html' }) });
    try {
      const { code, err } = await cli({}, 'article', `${server.origin}/p`);
      expect(code).toBe(2); // the user can fix the command: a 4xx, not a failed fetch
      expect(err).toMatch(/private|loopback/i);
    } finally {
      await server.close();
    }
  });

  it('names a file that cannot be read', async () => {
    const { code, err } = await cli({}, 'article', join(dir, 'nope.html'));
    expect(code).toBe(2);
    expect(err).toMatch(/cannot read ".*nope\.html"/);
  });
});

describe('warrant-watch ingest', () => {
  it('ingests a folder and a local page, then reports what is already stored', async () => {
    const server = await startServer({ '/p': page(html, { 'content-type': 'text/html; charset=utf-8' }) });
    const env = {
      DATABASE_URL: `sqlite:${join(dir, 'ingest.db')}`,
      WW_FEEDS_DIR: join(dir, 'feeds'),
      WW_ALLOW_PRIVATE_ADDRESSES: 'true',
      WW_RESPECT_ROBOTS: 'false',
    };
    const folder = join(dir, 'in');
    try {
      mkdirSync(folder);
      writeFileSync(
        join(folder, 'a.jsonl'),
        `${JSON.stringify({ id: 1, text: 'Netanyahu landed in Budapest on Thursday for a four-day visit.' })}\nnot json\n`,
      );
      writeFileSync(join(folder, 'b.txt'), 'A headline\nThe body of a plain text article about a summit.');
      writeFileSync(join(folder, 'c.pdf'), '%PDF-1.4');
      const first = await cli(env, 'ingest', folder, `${server.origin}/p`, '--json');
      expect(first.code, first.err).toBe(0);
      const s1 = JSON.parse(first.out);
      expect(s1.new).toBe(3);
      expect(s1.failed.map((f: { reason: string }) => f.reason)).toEqual([
        expect.stringMatching(/not valid JSON/),
        expect.stringMatching(/unsupported file type \.pdf/),
      ]);
      const second = await cli(env, 'ingest', folder, `${server.origin}/p`);
      expect(second.out).toMatch(/^new 0, duplicate 0, already stored 3/);
    } finally {
      await server.close();
    }
  }, 60_000); // loads the extractor: over 5 s on a busy machine

  it('keeps a live page that changed as a new version, and the trip moves with it', async () => {
    let text = 'Vladimir Putin will arrive in Mongolia on 3 September 2024 for talks, the Kremlin said.';
    const live = (t: string) =>
      `<html lang="en"><head><title>Live</title><meta property="article:published_time" content="2024-09-02T08:00:00Z"></head><body><article><h1>Putin visit: live</h1><p>${t}</p><p>Mongolia is a State Party to the Rome Statute of the International Criminal Court.</p></article></body></html>`;
    const server = await startServer({
      '/live': (_req, res) =>
        void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(live(text)),
    });
    const env = {
      DATABASE_URL: `sqlite:${join(dir, 'live.db')}`,
      WW_FEEDS_DIR: join(dir, 'feeds'),
      WW_ALLOW_PRIVATE_ADDRESSES: 'true',
      WW_RESPECT_ROBOTS: 'false',
    };
    try {
      const first = JSON.parse((await cli(env, 'ingest', `${server.origin}/live`, '--json')).out);
      expect(first.new).toBe(1);
      const same = JSON.parse((await cli(env, 'ingest', `${server.origin}/live`, '--json')).out);
      expect([same.new, same.skipped]).toEqual([0, 1]);
      text = 'Vladimir Putin has arrived in Ulaanbaatar, Mongolia, on 2 September 2024 for talks.';
      const changed = JSON.parse((await cli(env, 'ingest', `${server.origin}/live`, '--json')).out);
      expect(changed.new).toBe(1);
      const trips = JSON.parse((await cli(env, 'trips', '--country', 'MN', '--json')).out) as {
        id: string;
        evidence: { url: string; status: string }[];
      }[];
      // News of a known journey joins the curated trip: both versions are its evidence.
      const known = trips.find((t) => t.id === 'PUT-2024-09-02-MN')!;
      expect(known.evidence.map((e) => [e.url, e.status]).sort()).toEqual([
        [`${server.origin}/live`, 'planned'],
        [`${server.origin}/live`, 'under_way'],
      ]);
    } finally {
      await server.close();
    }
  }, 60_000);

  it("ingests a local feed file, given as a path or a file:// URL, fetching its entries' pages", async () => {
    const server = await startServer({ '/p': page(html, { 'content-type': 'text/html; charset=utf-8' }) });
    const env = {
      DATABASE_URL: `sqlite:${join(dir, 'feedfile.db')}`,
      WW_FEEDS_DIR: join(dir, 'feeds'),
      WW_ALLOW_PRIVATE_ADDRESSES: 'true',
      WW_RESPECT_ROBOTS: 'false',
    };
    try {
      const rss = `<?xml version="1.0"?><rss version="2.0"><channel><title>Saved</title>
        <item><title>Poutine</title><link>${server.origin}/p</link></item>
        <item><title>Gone</title><link>${server.origin}/gone</link><description>A teaser.</description></item>
      </channel></rss>`;
      const path = join(dir, 'saved.rss');
      writeFileSync(path, rss);
      const first = await cli(env, 'ingest', pathToFileURL(path).href);
      expect(first.code, first.err).toBe(0);
      expect(first.out).toMatch(/^new 1, duplicate 0, already stored 0, unchanged 0, failed 1\n/);
      expect(first.out).toContain(
        `failed: ${server.origin}/gone: page not fetched (http_status: HTTP 404 (${server.origin}/gone)); not stored from the feed's summary alone, retried at the next poll`,
      );
      const again = await cli(env, 'ingest', path, '--json');
      expect(JSON.parse(again.out)).toMatchObject({
        new: 0,
        skipped: 1,
        failed: [{ where: `${server.origin}/gone` }],
      });
    } finally {
      await server.close();
    }
  }, 60_000);

  it('exits 1 when every input failed, after naming each failure', async () => {
    const pdf = join(dir, 'only.pdf');
    writeFileSync(pdf, '%PDF-1.4');
    const r = await cli({ DATABASE_URL: `sqlite:${join(dir, 'failed.db')}` }, 'ingest', pdf);
    expect(r.code).toBe(1);
    expect(r.out).toContain('unsupported file type .pdf');
    expect(r.err).toBe('warrant-watch: every input failed (1); nothing was read\n');
  }, 60_000); // loads the extractor

  it('rejects an input that is neither a URL nor a file, with exit code 2', async () => {
    const { code, err } = await cli({ DATABASE_URL: 'sqlite::memory:' }, 'ingest', 'no/such/place');
    expect(code).toBe(2);
    expect(err).toContain('"no/such/place" is neither an http(s) URL nor an existing file or folder');
  });
});

describe('warrant-watch config', () => {
  it('rejects a bad setting naming the variable', async () => {
    const { code, err } = await cli({ WW_FETCH_TIMEOUT_MS: 'soon' }, 'config');
    expect(code).toBe(2);
    expect(err).toMatch(/WW_FETCH_TIMEOUT_MS="soon"/);
  });

  it('prints every setting, and never a secret one', async () => {
    const secrets = {
      DATABASE_URL: 'postgres://ww:hunter2@db.example/ww',
      WW_SMTP_URL: 'smtp://u:hunter2@mail.example:587',
    };
    const { code, out } = await cli(secrets, 'config', '--json');
    expect(code).toBe(0);
    expect(JSON.parse(out).map((r: { env: string }) => r.env)).toEqual(
      expect.arrayContaining(['DATABASE_URL', 'WW_SMTP_URL']),
    );
    expect(out).not.toContain('hunter2');
  });
});
