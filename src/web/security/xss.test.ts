/**
 * Stored XSS: markup and script in every field of a comment (name, website, body, source_url),
 * posted by the form and by the API and approved, and in an article's text and address shown as
 * a trip's evidence; then every GET route the app has, signed in and not, must show it as text:
 * no script element, no event-handler attribute, no link or source that is not http(s), mailto
 * or this site's, and markup only in answers that are not HTML (JSON, sent with nosniff).
 */
import type { LightMyRequestResponse } from 'fastify';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formToken, Jar, postForm } from '../comments/testing.js';
import { securitySite, type SecuritySite } from './fixture.js';

const SCRIPT = '<script>alert("xss")</script>';
const BREAKOUT = '"><img src=x onerror=alert(1)>';
const FIELDS = {
  name: `${SCRIPT}${BREAKOUT}`,
  website: `https://w.example/${BREAKOUT}`,
  body: `${SCRIPT}\n\n${BREAKOUT} javascript:alert(2) https://ok.example/"onmouseover="alert(3) <a href="javascript:alert(4)">x</a>`,
  kind: 'correction',
  source_url: `https://s.example/${SCRIPT}`,
};

let site: SecuritySite;
let pages: { url: string; res: LightMyRequestResponse }[];
beforeAll(async () => {
  site = await securitySite();
  const form = `/trips/${encodeURIComponent(site.tripId)}/comments`;
  const jar = new Jar();
  const _csrf = await formToken(site.app, jar, form);
  const byForm = await postForm(
    site.app,
    jar,
    form,
    { _csrf, ...FIELDS, email: 'form@example.org' },
    '10.99.0.1',
  );
  expect(byForm.statusCode).toBe(201);
  const byApi = await site.send({
    method: 'POST',
    url: '/api/v1/comments',
    headers: { 'content-type': 'application/json' },
    payload: JSON.stringify({ target: `trip:${site.evilTripId}`, ...FIELDS, email: 'api@example.org' }),
  });
  expect(byApi.statusCode).toBe(201);
  for (const c of await site.store.listComments({ state: 'pending' }))
    await site.store.decideComment({ id: c.id, decision: 'approve', by: 'test' });
  pages = [];
  const evil = encodeURIComponent(site.evilTripId);
  // Every route as the suite fills it (the first trip), and the evil trip's own pages beside them.
  const urls = [
    ...site.routes.filter((r) => r.method === 'GET').map((r) => site.fill(r.path)),
    `/trips/${evil}`,
    `/trips/${evil}/comments`,
    `/api/v1/trips/${evil}`,
  ];
  for (const url of urls)
    for (const cookie of ['', site.moderator.header])
      pages.push({ url, res: await site.send({ url, headers: cookie ? { cookie } : {} }) });
}, 60_000);
afterAll(() => site.close());

/** Where a document may send a reader or load from: http(s), mailto, this site, or nowhere. */
const SAFE_URL = /^(https?:\/\/|mailto:|\/(?![/\\])|#|\?)/i;

/** The document as a browser builds it: no script element, no event-handler attribute, no
 * address an element points at that is not safe. */
function expectInert(url: string, body: string) {
  const { document } = parseHTML(body);
  expect(document.querySelectorAll('script').length, url).toBe(0);
  for (const el of document.querySelectorAll('*'))
    for (const { name, value } of el.attributes) {
      expect(name, `${url}: <${el.tagName} ${name}>`).not.toMatch(/^on/i);
      if (/^(href|src|action|cite|formaction|xlink:href)$/i.test(name))
        expect(value, `${url}: <${el.tagName} ${name}>`).toMatch(SAFE_URL);
    }
}

describe('stored markup in comments and articles', () => {
  it('is stored as sent and shown as text on every route', async () => {
    expect(pages.length).toBeGreaterThan(20);
    const shown = pages.filter((p) => p.res.body.includes('&lt;script&gt;alert('));
    // The comment pages, the trip pages and the moderation page all show some of it, escaped.
    expect(shown.map((p) => p.url)).toEqual(
      expect.arrayContaining([`/trips/${site.tripId}/comments`, `/trips/${site.evilTripId}`, '/moderation']),
    );
    for (const { url, res } of pages) {
      const type = String(res.headers['content-type'] ?? '');
      if (type.includes('html')) expectInert(url, res.body);
      else if (type.includes('xml')) expect(res.body, url).not.toMatch(/<script|javascript:/i);
      else if (res.body.includes('<script')) {
        // Data, not a document: a browser told nosniff never renders it as a page.
        expect(type, url).toMatch(/^application\/(json|jsonl|geo\+json|feed\+json)|^text\/csv/);
        expect(res.headers['x-content-type-options'], url).toBe('nosniff');
      }
    }
  });

  it("shows an article's markup as the words of the evidence, and its javascript: address as no link", async () => {
    const trip = pages.find((p) => p.url === `/trips/${site.evilTripId}`)!.res.body;
    expect(trip).toContain('&lt;script&gt;alert(&quot;article&quot;)&lt;/script&gt;');
    expect(trip).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(trip).not.toMatch(/href="javascript:/i);
    expect(trip).toContain('<a href="#" rel="nofollow noopener" class="source">the article</a>');
    const api = await site.send({ url: `/api/v1/trips/${site.evilTripId}` });
    expect(api.json().evidence[0].text).toContain('<script>');
    expect(api.headers['content-type']).toMatch(/^application\/json/);
  });

  it('refuses a website or source that is not an http(s) address, storing nothing', async () => {
    const before = await site.store.listComments({ state: 'pending' });
    for (const field of ['website', 'source_url'])
      for (const value of [
        'javascript:alert(1)',
        ' JaVaScRiPt:alert(1)',
        'data:text/html,<script>x</script>',
        'vbscript:x',
        '//evil.example/',
        '/\\evil.example',
      ]) {
        const res = await site.send({
          method: 'POST',
          url: '/api/v1/comments',
          headers: { 'content-type': 'application/json' },
          payload: JSON.stringify({
            target: `trip:${site.tripId}`,
            name: 'n',
            email: 'n@example.org',
            body: 'b',
            kind: 'correction',
            source_url: 'https://ok.example',
            [field]: value,
          }),
        });
        expect(res.statusCode, `${field}=${value}`).toBe(400);
      }
    expect(await site.store.listComments({ state: 'pending' })).toEqual(before);
  });
});
