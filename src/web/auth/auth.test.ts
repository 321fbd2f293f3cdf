import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addAccount,
  commentSite,
  formToken,
  Jar,
  postForm,
  signedIn,
  type CommentSite,
} from '../comments/testing.js';
import { MAX_FAILURES } from './accounts.js';
import { SESSION_COOKIE } from './http.js';
import { deriveKeys } from './keys.js';
import { hashPassword, verifyPassword } from './passwords.js';

let site: CommentSite;
beforeAll(async () => {
  site = await commentSite();
  await addAccount(site.store, 'mod@example.org', 'right password 1', 'moderator');
  await addAccount(site.store, 'lock@example.org', 'right password 2', 'analyst');
});
afterAll(() => site.close());

let ip = 0;
const nextIp = () => `10.9.0.${++ip}`;

async function trySignIn(email: string, password: string, jar = new Jar()) {
  const _csrf = await formToken(site.app, jar, '/signin');
  return postForm(site.app, jar, '/signin', { _csrf, email, password }, nextIp());
}

describe('accounts', () => {
  it('hashes with argon2id and verifies only the right password', async () => {
    const h = await hashPassword('a long passphrase');
    expect(h).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(h, 'a long passphrase')).toBe(true);
    expect(await verifyPassword(h, 'a long passphrasE')).toBe(false);
    expect(await verifyPassword('not a hash', 'x')).toBe(false);
  });

  it('signs in with an HttpOnly, SameSite=Lax session cookie and signs out', async () => {
    const jar = new Jar();
    const res = await trySignIn('MOD@example.org', 'right password 1', jar);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/moderation');
    const cookie = (res.cookies as { name: string; httpOnly?: boolean; sameSite?: string }[]).find(
      (c) => c.name === SESSION_COOKIE,
    );
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    expect((await site.app.inject({ url: '/moderation', headers: { cookie: jar.header } })).statusCode).toBe(
      200,
    );
    const stale = jar.header;
    const _csrf = await formToken(site.app, jar, '/moderation');
    expect((await postForm(site.app, jar, '/signout', { _csrf })).statusCode).toBe(303);
    expect((await site.app.inject({ url: '/moderation', headers: { cookie: stale } })).statusCode).toBe(401);
  });

  it('gives a new session id at sign-in, whatever id the browser had before (no fixation)', async () => {
    const victim = await signedIn(site.app, 'mod@example.org', 'right password 1');
    const planted = victim.cookies[SESSION_COOKIE]!;
    const jar = new Jar();
    jar.cookies[SESSION_COOKIE] = 'attacker-chosen-id';
    await trySignIn('mod@example.org', 'right password 1', jar);
    expect(jar.cookies[SESSION_COOKIE]).not.toBe('attacker-chosen-id');
    const withPlanted = new Jar();
    withPlanted.cookies[SESSION_COOKIE] = planted;
    await trySignIn('mod@example.org', 'right password 1', withPlanted);
    const after = withPlanted.cookies[SESSION_COOKIE]!;
    expect(after).not.toBe(planted);
    const asPlanted = await site.app.inject({
      url: '/moderation',
      headers: { cookie: `${SESSION_COOKIE}=${planted}` },
    });
    expect(asPlanted.statusCode).toBe(401);
    const asAfter = await site.app.inject({
      url: '/moderation',
      headers: { cookie: `${SESSION_COOKIE}=${after}` },
    });
    expect(asAfter.statusCode).toBe(200);
  });

  it('refuses a sign-in without a CSRF token', async () => {
    const res = await postForm(site.app, new Jar(), '/signin', {
      email: 'mod@example.org',
      password: 'right password 1',
    });
    expect(res.statusCode).toBe(403);
    expect(res.cookies.find((c) => c.name === SESSION_COOKIE)).toBeUndefined();
  });

  it('says the same for an unknown address and a wrong password, and locks after repeated failures', async () => {
    const unknown = await trySignIn('nobody@example.org', 'whatever');
    const wrong = await trySignIn('lock@example.org', 'wrong');
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    const said = (b: string) => /<p class="error" role="alert">([^<]*)</.exec(b)?.[1];
    expect(said(unknown.body)).toBe(said(wrong.body));
    for (let i = 1; i < MAX_FAILURES; i++)
      expect((await trySignIn('lock@example.org', 'wrong')).statusCode).toBe(401);
    const locked = await trySignIn('lock@example.org', 'right password 2');
    expect(locked.statusCode).toBe(429);
    expect(locked.body).toContain('locked');
    expect(locked.cookies.find((c) => c.name === SESSION_COOKIE)).toBeUndefined();
  });

  it('marks the cookies Secure when the site is served over https, and uses the configured secret', async () => {
    const https = await commentSite({ publicUrl: 'https://ww.example', secret: 'x'.repeat(32) });
    try {
      await addAccount(https.store, 'mod@example.org', 'right password 1', 'moderator');
      const jar = new Jar();
      const _csrf = await formToken(https.app, jar, '/signin');
      const res = await postForm(https.app, jar, '/signin', {
        _csrf,
        email: 'mod@example.org',
        password: 'right password 1',
      });
      const cookie = (res.cookies as { name: string; secure?: boolean }[]).find(
        (c) => c.name === SESSION_COOKIE,
      );
      expect(cookie?.secure).toBe(true);
      const posted = await https.app.inject({
        method: 'POST',
        url: '/api/v1/comments',
        headers: { 'content-type': 'application/json' },
        payload: { target: `trip:${https.tripId}`, name: 'A', email: 'a@example.org', body: 'Hi' },
      });
      const { comment, delete_url } = posted.json();
      expect(delete_url).toBe(
        `https://ww.example/comments/${comment.id}/delete?sig=${deriveKeys('x'.repeat(32)).deleteSig(comment.id)}`,
      );
    } finally {
      await https.close();
    }
  });

  it('limits sign-in attempts per client address', async () => {
    const address = '10.8.0.1';
    const codes: number[] = [];
    for (let i = 0; i < 11; i++) {
      const jar = new Jar();
      const _csrf = await formToken(site.app, jar, '/signin');
      codes.push(
        (await postForm(site.app, jar, '/signin', { _csrf, email: 'x@example.org', password: 'y' }, address))
          .statusCode,
      );
    }
    expect(codes.slice(0, 10).every((c) => c === 401)).toBe(true);
    expect(codes[10]).toBe(429);
  });
});
