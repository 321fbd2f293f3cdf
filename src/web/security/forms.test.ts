/**
 * Every route that changes something (each POST and DELETE the running app has): CSRF (no token,
 * a forged one, another visitor's token and cookie), a session replayed after sign-out, bodies
 * too large, malformed or of the wrong type, and redirects that could leave the site. Each is
 * refused with its status and the record is as it was. (The session id renewed at sign-in, the
 * lockout after repeated failures and the sign-in limit are in web/auth/auth.test.ts.)
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../auth/http.js';
import { Jar } from '../comments/testing.js';
import { BODY_LIMIT } from '../server.js';
import { securitySite, tableCounts, type Route, type SecuritySite } from './fixture.js';

let site: SecuritySite;
/** What an attack must leave as it was: the tables, and whether the trip waits for a moderator. */
const state = async () => ({
  tables: await tableCounts(site.store),
  premoderated: await site.store.isPremoderated({ target: `trip:${site.tripId}` }),
});
beforeAll(async () => {
  site = await securitySite();
}, 60_000);
afterAll(() => site.close());

/** The routes that change something; sign-out last, as it ends the session the others use. */
const writes = (): Route[] =>
  site.routes
    .filter((r) => r.method !== 'GET')
    .sort((a, b) => Number(a.path === '/signout') - Number(b.path === '/signout'));

/** A complete, valid-looking form for any of them: what it would need to do its work. */
const fields = () => ({
  name: 'Forger',
  email: 'mod@example.org',
  password: 'moderator password 1',
  body: 'A forged comment',
  trip_id: site.tripId,
  on: '1',
  sig: site.deleteSig,
  target: `trip:${site.tripId}`,
});

function send(route: Route, jar: Jar, body: Record<string, string>, headers: Record<string, string> = {}) {
  const query = route.method === 'DELETE' ? `?sig=${site.deleteSig}` : '';
  return site.send({
    method: route.method,
    url: site.fill(route.path) + query,
    headers: { cookie: jar.header, 'content-type': 'application/x-www-form-urlencoded', ...headers },
    payload: new URLSearchParams(body).toString(),
  });
}

/** The CSRF token of the form at `url`, the jar keeping its cookie (from a client address of its own). */
async function tokenOf(jar: Jar, url: string): Promise<string> {
  const res = jar.take(await site.send({ url, headers: { cookie: jar.header } }));
  const m = /name="_csrf" value="([^"]+)"/.exec(res.body);
  if (!m) throw new Error(`no CSRF token on ${url} (${res.statusCode})`);
  return m[1]!;
}

/** A moderator signed in on a session of his own (sign-in and sign-out end the one they replace). */
async function freshModerator(): Promise<Jar> {
  const jar = new Jar();
  const _csrf = await tokenOf(jar, '/signin');
  const res = jar.take(await send({ method: 'POST', path: '/signin' }, jar, { ...fields(), _csrf }));
  expect(res.statusCode).toBe(303);
  return jar;
}

const isApi = (r: Route) => r.path.startsWith('/api/');

/** A refusal in the route's error shape. */
function expectRefused(r: Route, res: LightMyRequestResponse, statuses: number[]) {
  expect(statuses, `${r.method} ${r.path}: ${res.statusCode} ${res.body.slice(0, 120)}`).toContain(
    res.statusCode,
  );
  if (isApi(r)) expect(res.json().error, r.path).toMatchObject({ status: res.statusCode });
  else expect(String(res.headers['content-type']), r.path).toMatch(/^text\/html/);
  expect(
    res.cookies.find((c) => c.name === SESSION_COOKIE),
    r.path,
  ).toBeUndefined();
}

describe('CSRF', () => {
  it('refuses every form post without a token, with a forged one and with another visitor’s, storing nothing', async () => {
    const before = await state();
    const moderator = site.moderator;
    // Another visitor: his own CSRF cookie and the token of a form he was shown.
    const other = new Jar();
    const othersToken = await tokenOf(other, '/signin');
    const planted = new Jar();
    Object.assign(planted.cookies, moderator.cookies, { _csrf: other.cookies._csrf! });
    // A DELETE no form can send, and the author's is authorised by the signature of its link.
    for (const r of writes().filter((r) => r.method === 'POST')) {
      // The API takes JSON only, which no form of another site can send: a form post is a 400.
      const refused = isApi(r) ? [400, 403, 415] : [403];
      expectRefused(r, await send(r, moderator, fields()), refused);
      expectRefused(r, await send(r, moderator, { ...fields(), _csrf: 'forged-token' }), refused);
      expectRefused(r, await send(r, moderator, { ...fields(), _csrf: othersToken }), refused);
      expectRefused(r, await send(r, planted, { ...fields(), _csrf: othersToken }), refused);
      expectRefused(r, await send(r, moderator, fields(), { 'content-type': 'text/plain' }), [400, 403, 415]);
    }
    expect(await state()).toEqual(before);
    expect((await site.send({ url: '/moderation', headers: { cookie: moderator.header } })).statusCode).toBe(
      200,
    );
  });

  it('takes the same posts with the session’s own token (the refusals above were the token’s)', async () => {
    const jar = await freshModerator();
    for (const r of writes().filter((r) => !isApi(r))) {
      const _csrf = await tokenOf(jar, '/moderation');
      const res = jar.take(await send(r, jar, { ...fields(), _csrf }));
      // A signed link's own refusal (a forged signature, 403) is not the token's.
      const refusedToken = res.statusCode === 403 && /csrf/i.test(res.body);
      expect(refusedToken, `${r.path}: ${res.body.slice(0, 200)}`).toBe(false);
      expect(res.statusCode, r.path).toBeLessThan(500);
    }
  });
});

describe('injected values in every field of every form', () => {
  it('are refused or stored as text, never a 500, the record untouched', async () => {
    const record = async () => {
      const { tables } = await state();
      return Object.fromEntries(Object.entries(tables).filter(([t]) => !t.startsWith('comments:')));
    };
    const before = await record();
    const jar = await freshModerator();
    let authors = 0;
    const payloads = ["' OR 1=1 --", '1; DROP TABLE trips', "x'); DELETE FROM comments; --", '\u0000'];
    for (const r of writes().filter((r) => r.method === 'POST' && r.path !== '/signout'))
      for (const payload of payloads)
        for (const field of Object.keys(fields())) {
          const _csrf = await tokenOf(jar, '/moderation');
          // An author of his own each time, so that the per-author limit is not what refuses it.
          const email = r.path === '/signin' ? 'mod@example.org' : `injected${++authors}@example.org`;
          const body = { ...fields(), email, [field]: payload, _csrf };
          const res = isApi(r)
            ? await site.send({
                method: 'POST',
                url: r.path,
                headers: { 'content-type': 'application/json' },
                payload: JSON.stringify(body),
              })
            : jar.take(await send(r, jar, body));
          expect(res.statusCode, `${r.path} ${field}=${payload}: ${res.body.slice(0, 200)}`).toBeLessThan(
            500,
          );
        }
    expect(await record()).toEqual(before);
    const stored = await site.store.listComments({ state: 'pending', limit: 10_000 });
    expect(stored.map((c) => c.body)).toEqual(expect.arrayContaining(["' OR 1=1 --", '1; DROP TABLE trips']));
  });
});

describe('a session after sign-out', () => {
  it('opens no signed-in route, even with a valid token', async () => {
    const jar = await freshModerator();
    const replay = { ...jar.cookies };
    const token = await tokenOf(jar, '/moderation');
    expect((await send({ method: 'POST', path: '/signout' }, jar, { _csrf: token })).statusCode).toBe(303);
    const stale = new Jar();
    Object.assign(stale.cookies, replay);
    const before = await state();
    expect((await site.send({ url: '/moderation', headers: { cookie: stale.header } })).statusCode).toBe(401);
    for (const r of writes().filter((r) => r.path.startsWith('/moderation'))) {
      const res = await send(r, stale, { ...fields(), _csrf: token });
      expect(res.statusCode, r.path).toBe(401);
    }
    expect(await state()).toEqual(before);
  });
});

describe('request bodies', () => {
  it('refuses a body too large (413), malformed JSON (400) and a type no route reads (415), on every route', async () => {
    const before = await state();
    const jar = await freshModerator();
    for (const r of writes()) {
      const _csrf = await tokenOf(jar, '/moderation');
      const big = 'x'.repeat(BODY_LIMIT + 1);
      expectRefused(r, await send(r, jar, { ...fields(), _csrf, body: big }), [413]);
      const json = (payload: string, type = 'application/json') =>
        site.send({
          method: r.method,
          url: site.fill(r.path),
          headers: { cookie: jar.header, 'content-type': type },
          payload,
        });
      expectRefused(r, await json(JSON.stringify({ ...fields(), _csrf, body: big })), [413]);
      for (const bad of ['{"body": ', '{"__proto__": {"admin": true}}', '[1, 2', '\u0000'])
        expectRefused(r, await json(bad), [400]);
      for (const type of ['text/xml', 'multipart/form-data; boundary=x', 'application/octet-stream'])
        expectRefused(r, await json('<x/>', type), [415]);
    }
    expect(await state()).toEqual(before);
  });
});

describe('redirects', () => {
  const EVIL = [
    '//evil.example',
    'https://evil.example/',
    '/\\evil.example',
    'javascript:alert(1)',
    '\\\\evil.example',
  ];
  const local = (res: LightMyRequestResponse) => {
    const location = res.headers.location;
    if (location !== undefined) expect(String(location)).toMatch(/^\/(?![/\\])/);
  };

  it('never send a reader off the site, whatever the form, the query or the Referer names', async () => {
    const jar = await freshModerator();
    let redirects = 0;
    for (const evil of EVIL) {
      const asked = { next: evil, return_to: evil, redirect: evil, returnTo: evil, url: evil };
      const query = new URLSearchParams(asked).toString();
      for (const r of site.routes.filter((r) => r.method === 'GET')) {
        const res = await site.send({ url: `${site.fill(r.path)}?${query}`, headers: { referer: evil } });
        local(res);
      }
      for (const r of writes().filter((r) => !isApi(r) && r.path !== '/signout')) {
        const _csrf = await tokenOf(jar, '/moderation');
        const res = jar.take(await send(r, jar, { ...fields(), ...asked, _csrf }, { referer: evil }));
        if (res.headers.location) redirects++;
        local(res);
      }
      for (const path of [
        `/${evil}`,
        `/static/${evil}`,
        `/static/..%2f${encodeURIComponent(evil)}`,
        `/${encodeURIComponent(evil)}`,
      ])
        local(await site.send({ url: path }));
    }
    // The 303s after sign-in and moderation were among them.
    expect(redirects).toBeGreaterThan(EVIL.length);
  });
});
