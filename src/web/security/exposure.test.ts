/**
 * What the site lets out, on every route the running app has: the security headers (on answers
 * and refusals alike), a rate limit on every route, no file outside static/ whatever the spelling
 * of the path, and a commenter's e-mail address in no answer and no log line.
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../comments/context.js';
import { securitySite, type SecuritySite } from './fixture.js';

let site: SecuritySite;
beforeAll(async () => {
  site = await securitySite();
}, 60_000);
afterAll(() => site.close());

const gets = () => site.routes.filter((r) => r.method === 'GET').map((r) => site.fill(r.path));

function expectHeaders(url: string, res: LightMyRequestResponse) {
  const csp = String(res.headers['content-security-policy'] ?? '');
  const script = /script-src ([^;]*)/.exec(csp)?.[1] ?? /default-src ([^;]*)/.exec(csp)?.[1] ?? '';
  expect(script, `${url}: ${csp}`).toMatch(/'self'|'none'/);
  expect(script, url).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
  expect(csp, url).toContain("frame-ancestors 'none'");
  expect(res.headers['x-content-type-options'], url).toBe('nosniff');
  expect(res.headers['x-frame-options'], url).toMatch(/^(DENY|SAMEORIGIN)$/);
  expect(res.headers['referrer-policy'], url).toBe('strict-origin-when-cross-origin');
}

describe('security headers', () => {
  it('are on every page, API answer, feed and refusal', async () => {
    const urls = [...gets(), '/nowhere', '/api/v1/nowhere', '/trips/%ff', `/trips/${'x'.repeat(200)}`];
    for (const url of urls) expectHeaders(url, await site.send({ url }));
    for (const r of site.routes.filter((r) => r.method !== 'GET'))
      expectHeaders(r.path, await site.send({ method: r.method, url: site.fill(r.path) }));
  });
});

describe('rate limits', () => {
  it('put every route in a trust group with its own limit', async () => {
    const groups = new Set<number>(Object.values(LIMITS).map((l) => l.rateLimit.max));
    for (const r of site.routes) {
      const res = await site.send({ method: r.method, url: site.fill(r.path) });
      const limit = Number(res.headers['x-ratelimit-limit']);
      expect(groups.has(limit), `${r.method} ${r.path}: ${res.headers['x-ratelimit-limit']}`).toBe(true);
    }
  });

  it('stop a client that reads too fast, and not another one', async () => {
    const max = LIMITS.publicRead.rateLimit.max;
    const from = (remoteAddress: string) => site.app.inject({ url: '/api/v1/people', remoteAddress });
    for (let i = 0; i < max; i++) expect((await from('10.250.0.1')).statusCode).toBe(200);
    const stopped = await from('10.250.0.1');
    expect(stopped.statusCode).toBe(429);
    expect(stopped.json().error).toMatchObject({ code: 'rate_limited', status: 429 });
    expect((await from('10.250.0.2')).statusCode).toBe(200);
  });
});

describe('static files', () => {
  const OUTSIDE = [/"name": "warrant-watch"/, /@module/, /^\s*import /m, /root:/];
  it('serves nothing outside static/, however the path is spelled', async () => {
    expect((await site.send({ url: '/static/style.css' })).statusCode).toBe(200);
    const paths = [
      '/static/../package.json',
      '/static/../../package.json',
      '/static/%2e%2e/%2e%2e/package.json',
      '/static/%2e%2e%2f%2e%2e%2fpackage.json',
      '/static/..%2f..%2f..%2fpackage.json',
      '/static/%252e%252e/%252e%252e/package.json',
      '/static/..%252f..%252f..%252fpackage.json',
      '/static/..\\..\\..\\package.json',
      '/static/..%5c..%5c..%5cpackage.json',
      '/static/%c0%ae%c0%ae/%c0%ae%c0%ae/package.json',
      '/static/.%2e/.%2e/.%2e/package.json',
      '/static/./../server.ts',
      '/static//etc/passwd',
      '/static/%2fetc%2fpasswd',
      '/static/style.css%00.ts',
      '/static/../html.ts',
      '/static/.gitignore',
      '/feeds/alerts/subject/..%2f..%2f..%2fpackage.json',
      '/feeds/alerts/country/%2e%2e%2f%2e%2e%2fpackage.json',
      '/feeds/alerts.%2e%2e%2f%2e%2e%2fpackage.json',
    ];
    for (const url of paths) {
      const res = await site.send({ url });
      expect([400, 403, 404], `${url}: ${res.statusCode}`).toContain(res.statusCode);
      for (const leak of OUTSIDE) expect(res.body, url).not.toMatch(leak);
    }
  });
});

describe("a commenter's e-mail address", () => {
  it('leaves the server by no route, feed, export, error or log line', async () => {
    const email = 'Unique.Leak+ww7@hidden-host.example';
    const target = `trip:${site.tripId}`;
    const seen: string[] = [];
    const keep = (r: LightMyRequestResponse) => {
      seen.push(r.body, JSON.stringify(r.headers));
      return r;
    };
    const post = (payload: Record<string, string>) =>
      site.send({
        method: 'POST',
        url: '/api/v1/comments',
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify({ target, ...payload }),
      });
    const first = keep(await post({ name: 'Leak', email, body: 'Leak test comment' }));
    await site.store.decideComment({ id: first.json().comment.id, decision: 'approve', by: 'test' });
    keep(
      await post({
        name: 'Leak',
        email,
        body: 'A correction',
        kind: 'correction',
        source_url: 'https://s.example',
      }),
    );
    keep(await post({ name: 'Leak', email, body: 'A reply', parent_id: first.json().comment.id }));
    keep(await post({ name: 'Leak', email: `${email}>`, body: 'a bad address' }));
    keep(await post({ name: '', email, body: '' }));
    keep(await post({ name: 'Leak', email, body: 'x', website: 'javascript:alert(1)' }));
    keep(await post({ name: 'Leak', email, body: 'x', homepage: 'bot' }));
    keep(await post({ target: 'trip:nope', name: 'Leak', email, body: 'no trip' } as Record<string, string>));
    keep(
      await site.send({
        method: 'POST',
        url: '/api/v1/comments',
        headers: { 'content-type': 'application/json' },
        payload: `{"email":"${email}",`,
      }),
    );
    for (const url of gets()) {
      keep(await site.send({ url }));
      keep(await site.send({ url, headers: { cookie: site.moderator.header } }));
    }
    const everything = [...seen, site.logged()].join('\n').toLowerCase();
    expect(everything).toContain('leak test comment');
    for (const part of [email, 'unique.leak', 'hidden-host.example', encodeURIComponent(email)])
      expect(everything, part).not.toContain(part.toLowerCase());
  });
});
