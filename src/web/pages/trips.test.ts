import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRegistry } from '../../registry/index.js';
import { testSite, type TestSite } from '../../testing/web.js';
import { BREAKING_URL, fillRecord, HOSTILE, SCRIPT_URL, type Filled } from './fixture.js';

let site: TestSite;
let filled: Filled;
beforeAll(async () => {
  site = await testSite({}, async (store) => {
    filled = await fillRecord(store, loadRegistry());
  });
});
afterAll(() => site.close());

const get = (id: string) => site.app.inject(`/trips/${encodeURIComponent(id)}`);

describe('a trip page', () => {
  it('shows the status history with the quoted evidence, escaped, and links each source safely', async () => {
    const r = await get(filled.planned.id);
    expect(r.statusCode).toBe(200);
    expect(r.body).not.toContain(HOSTILE);
    expect(r.body).toContain(
      'Putin will visit Mongolia &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</blockquote>',
    );
    // The link that tries to close its attribute stays inside it, and leaves without standing.
    expect(r.body).toContain(
      `<a href="https://news.example/a?b=&quot;&gt;&lt;img src=x onerror=alert(1)&gt;" rel="nofollow noopener" class="source">news.example</a>`,
    );
    expect(r.body).not.toContain(BREAKING_URL);
    expect(r.body).not.toContain(SCRIPT_URL);
    expect(r.body).toContain('<a href="#" rel="nofollow noopener" class="source">the article</a>');
  });

  it('explains the duty with the articles of the Statute and the caveats, and gives the outcome', async () => {
    const r = await get(filled.planned.id);
    expect(r.body).toContain(
      '<span class="badge binding">Binding duty to arrest</span> Mongolia, Vladimir Putin, 14 December 2026',
    );
    expect(r.body).toContain('Rome Statute art. 86; Rome Statute art. 89(1)');
    expect(r.body).toMatch(/<h3>Caveats<\/h3><ul><li>[^<]*head-of-state immunity/);
    expect(r.body).toContain('outcome: not yet known');
    expect(r.body).toContain('Read from the news by the machine; no analyst has reviewed it yet.');
    expect(r.body).toContain('Vladimir Putin to visit Mongolia');
  });

  it('shows the comments and their form, and the map with the host marked', async () => {
    const r = await get(filled.planned.id);
    expect(r.body).toMatch(
      /<section id="comments" class="comments"[^>]*>\s*<h2 id="comments-title">Comments<\/h2>/,
    );
    expect(r.body).toContain('Your email address will not be published.');
    expect(r.body).toMatch(/<use class="state host(-binding)?" href="\/maps\/world-[0-9a-f]{12}\.svg#s-/);
  });

  it('shows a curated trip with its sources and the Court’s record of the host', async () => {
    const r = await get('PUT-2024-09-02-MN');
    expect(r.statusCode).toBe(200);
    expect(r.body).toContain('outcome: not arrested');
    expect(r.body).toContain(
      'href="https://menafn.com/1108627682/Putin-Arrived-In-Mongolia-Russian-Media" rel="nofollow noopener"',
    );
    expect(r.body).toContain('24 October 2024: Mongolia breached its duty');
    expect(r.body).toContain('A confirmed trip of the registry');
    expect(r.body).not.toContain('Read from the news by the machine');
  });

  it('answers an unknown trip with a 404 page that escapes the id', async () => {
    const r = await get('<b>nope</b>');
    expect(r.statusCode).toBe(404);
    expect(r.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(r.body).toContain('The record has no trip with the id “&lt;b&gt;nope&lt;/b&gt;”.');
  });
});

describe('the shapes of the map', () => {
  it('are one document at an address of its content, kept for ever; no other address answers', async () => {
    const page = await get(filled.planned.id);
    const href = /href="(\/maps\/world-[0-9a-f]{12}\.svg)#s-mn"/.exec(page.body)![1]!;
    const r = await site.app.inject(href);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('image/svg+xml; charset=utf-8');
    expect(r.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(r.body).toMatch(/<path id="s-mn" d="M[^"]+"\/>/);
    const again = await site.app.inject({ url: href, headers: { 'accept-encoding': 'br' } });
    expect(again.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(again.headers['content-encoding']).toBe('br');
    expect(again.rawPayload.length).toBeLessThan(r.rawPayload.length / 2);
    expect((await site.app.inject('/maps/world-000000000000.svg')).statusCode).toBe(404);
    expect((await site.app.inject('/maps/..%2Fpackage.json')).statusCode).toBe(404);
  });
});
