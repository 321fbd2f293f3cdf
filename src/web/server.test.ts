import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testSite, type TestSite } from '../testing/web.js';

let site: TestSite;
beforeAll(async () => {
  site = await testSite();
});
afterAll(() => site.close());

describe('the web server', () => {
  it('answers the health checks', async () => {
    expect((await site.app.inject('/healthz')).json()).toEqual({ ok: true });
    const ready = await site.app.inject('/readyz');
    expect([ready.statusCode, ready.json()]).toEqual([200, { ok: true }]);
  });

  it('sends a strict Content-Security-Policy and the other security headers', async () => {
    const r = await site.app.inject('/healthz');
    const csp = String(r.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(r.headers['x-content-type-options']).toBe('nosniff');
  });

  it('serves the stylesheet, and nothing outside its folder', async () => {
    const css = await site.app.inject('/static/style.css');
    expect([css.statusCode, css.headers['content-type']]).toEqual([200, 'text/css; charset=utf-8']);
    for (const path of [
      '/static/../../package.json',
      '/static/%2e%2e/%2e%2e/package.json',
      '/static/..%2fserver.ts',
    ])
      expect((await site.app.inject(path)).statusCode, path).toBeGreaterThanOrEqual(400);
  });

  it('answers an unknown page with a 404 page that escapes the address it names', async () => {
    const r = await site.app.inject('/nowhere/<script>alert(1)</script>');
    expect(r.statusCode).toBe(404);
    expect(r.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(r.body).not.toContain('<script>alert(1)');
    expect(r.body).toContain('Not found');
  });

  it('answers an unknown API route with the one JSON error shape', async () => {
    const r = await site.app.inject('/api/v1/nothing-here');
    expect([r.statusCode, r.json()]).toEqual([
      404,
      { error: { code: 'not_found', message: 'There is no page at /api/v1/nothing-here.', status: 404 } },
    ]);
  });
});
