import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BODY_LIMIT } from '../server.js';
import { addAccount, commentSite, formToken, Jar, postForm, signedIn, type CommentSite } from './testing.js';

let site: CommentSite;
let page: string;
let moderator: Jar;
beforeAll(async () => {
  site = await commentSite();
  page = `/trips/${encodeURIComponent(site.tripId)}/comments`;
  await addAccount(site.store, 'mod@example.org', 'correct horse battery', 'moderator');
  moderator = await signedIn(site.app, 'mod@example.org', 'correct horse battery');
});
afterAll(() => site.close());

let ip = 0;
/** A fresh client address per call, so that the per-address limit is not what a test meets. */
const nextIp = () => `10.0.${Math.floor(++ip / 250)}.${ip % 250}`;

async function postComment(fields: Record<string, string>, jar = new Jar()) {
  const _csrf = await formToken(site.app, jar, page);
  return postForm(site.app, jar, page, { _csrf, ...fields }, nextIp());
}

const api = (payload: unknown, headers: Record<string, string> = {}) =>
  site.app.inject({
    method: 'POST',
    url: '/api/v1/comments',
    remoteAddress: nextIp(),
    headers: { 'content-type': 'application/json', ...headers },
    payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
  });

const published = async () =>
  (await site.app.inject({ url: `/api/v1/comments?target=trip:${encodeURIComponent(site.tripId)}` })).json()
    .comments as { id: string; body: string; name: string; parent_id: string | null }[];

const approve = (id: string) => site.store.decideComment({ id, decision: 'approve', by: 'test' });

describe('comments under a trip', () => {
  it('shows the form with its notice, holds a first-time author, then trusts the approved address', async () => {
    const form = await site.app.inject({ url: page });
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Your email address will not be published. Required fields are marked *');
    expect(form.body).toMatch(/<section id="comments"/);
    const first = await postComment({ name: 'Ann', email: 'ann.first@example.org', body: 'First words.' });
    expect(first.statusCode).toBe(201);
    expect(first.body).toContain('waiting for a moderator');
    expect((await published()).map((c) => c.body)).not.toContain('First words.');
    const [pending] = await site.store.listComments({ state: 'pending' });
    expect(pending).toMatchObject({ body: 'First words.', held: 'first_time' });
    await approve(pending!.id);
    expect((await published()).map((c) => c.body)).toContain('First words.');
    const second = await postComment({
      name: 'Ann',
      email: ' ANN.First@example.org ',
      body: 'Second words.',
    });
    expect(second.body).toContain('Your comment is published');
    expect((await published()).map((c) => c.body)).toContain('Second words.');
  });

  it('refuses a form post without a valid CSRF token, storing nothing', async () => {
    const before = (await site.store.listComments({ state: 'pending' })).length;
    const jar = new Jar();
    await formToken(site.app, jar, page);
    const fields = { name: 'Eve', email: 'eve@example.org', body: 'forged' };
    const none = await postForm(site.app, jar, page, fields, nextIp());
    expect(none.statusCode).toBe(403);
    const wrong = await postForm(site.app, jar, page, { ...fields, _csrf: 'forged-token' }, nextIp());
    expect(wrong.statusCode).toBe(403);
    const noCookie = await postForm(
      site.app,
      new Jar(),
      page,
      { ...fields, _csrf: await formToken(site.app, new Jar(), page) },
      nextIp(),
    );
    expect(noCookie.statusCode).toBe(403);
    expect((await site.store.listComments({ state: 'pending' })).length).toBe(before);
  });

  it('takes comments as JSON, lists the published ones only, and refuses form-encoded posts to the API', async () => {
    const target = `trip:${site.tripId}`;
    const res = await api({ target, name: 'Bob', email: 'bob@example.org', body: 'Via the API.' });
    expect(res.statusCode).toBe(201);
    expect(res.json().comment).toMatchObject({ state: 'pending', name: 'Bob', target });
    expect(res.json().delete_url).toMatch(/^http:\/\/localhost:8080\/comments\/.+\/delete\?sig=/);
    expect((await published()).map((c) => c.body)).not.toContain('Via the API.');
    const form = await site.app.inject({
      method: 'POST',
      url: '/api/v1/comments',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        target,
        name: 'X',
        email: 'x@example.org',
        body: 'cross-site',
      }).toString(),
    });
    expect(form.statusCode).toBe(400);
    expect((await site.app.inject({ url: '/api/v1/comments?target=trip:nope' })).statusCode).toBe(404);
    expect(
      (await api({ target: 'trip:nope', name: 'B', email: 'b@example.org', body: 'x' })).statusCode,
    ).toBe(404);
  });

  it('answers a malformed, an invalid and an oversized body in the one error shape', async () => {
    const malformed = await api('{"target": ');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error).toMatchObject({ status: 400 });
    const invalid = await api({ target: `trip:${site.tripId}`, name: '', email: 'nope', body: '' });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().error).toMatchObject({ code: 'invalid_request', status: 400 });
    expect(invalid.json().error.message).toMatch(/body\.name: .*body\.email: .*body\.body: /);
    expect(invalid.json().error.message).not.toContain('nope'); // what was sent never comes back
    const big = await api({
      target: `trip:${site.tripId}`,
      name: 'B',
      email: 'b@example.org',
      body: 'x'.repeat(BODY_LIMIT),
    });
    expect(big.statusCode).toBe(413);
    expect(big.json().error).toMatchObject({ status: 413 });
    const long = await api({
      target: `trip:${site.tripId}`,
      name: 'B',
      email: 'b@example.org',
      body: 'x'.repeat(4001),
    });
    expect(long.statusCode).toBe(400);
  });

  it('stores nothing when the honeypot is filled, and says nothing of it', async () => {
    const before = await site.store.listComments({ state: 'pending' });
    const res = await postComment({
      name: 'Bot',
      email: 'bot@example.org',
      body: 'Buy now',
      homepage: 'http://spam.example',
    });
    expect(res.statusCode).toBe(201);
    expect(res.body).toContain('waiting for a moderator');
    const viaApi = await api({
      target: `trip:${site.tripId}`,
      name: 'Bot',
      email: 'bot@example.org',
      body: 'Buy',
      homepage: 'x',
    });
    expect(viaApi.statusCode).toBe(201);
    expect(viaApi.json().comment.state).toBe('pending');
    expect(await site.store.getComment({ id: viaApi.json().comment.id })).toBeUndefined();
    expect(await site.store.listComments({ state: 'pending' })).toEqual(before);
  });

  it('holds a trusted author whose comment has too many links', async () => {
    const email = 'links@example.org';
    const r = await api({ target: `trip:${site.tripId}`, name: 'L', email, body: 'ok' });
    await approve(r.json().comment.id);
    const links = 'https://a.example https://b.example https://c.example';
    const held = await api({ target: `trip:${site.tripId}`, name: 'L', email, body: links });
    expect(held.json().comment.state).toBe('pending');
    expect((await site.store.getComment({ id: held.json().comment.id }))?.held).toBe('links');
    const two = await api({
      target: `trip:${site.tripId}`,
      name: 'L',
      email,
      body: 'https://a.example https://b.example',
    });
    expect(two.json().comment.state).toBe('published');
  });

  it('limits comments per author per hour and per client address per minute', async () => {
    const send = (email: string, remoteAddress: string) =>
      site.app.inject({
        method: 'POST',
        url: '/api/v1/comments',
        remoteAddress,
        headers: { 'content-type': 'application/json' },
        payload: { target: `trip:${site.tripId}`, name: 'R', email, body: 'again' },
      });
    const codes: number[] = [];
    for (let i = 0; i < 6; i++) codes.push((await send('often@example.org', nextIp())).statusCode);
    expect(codes).toEqual([201, 201, 201, 201, 201, 429]);
    const address = nextIp();
    const fromOne: number[] = [];
    for (let i = 0; i < 11; i++) fromOne.push((await send(`ip${i}@example.org`, address)).statusCode);
    expect(fromOne.slice(0, 10).every((c) => c === 201)).toBe(true);
    const last = await send('ip-last@example.org', address);
    expect(last.statusCode).toBe(429);
    expect(last.json().error).toMatchObject({ code: 'rate_limited', status: 429 });
  });

  it('threads a reply under its parent and offers the reply form', async () => {
    const email = 'thread@example.org';
    const parent = (
      await api({ target: `trip:${site.tripId}`, name: 'P', email, body: 'Parent text' })
    ).json().comment;
    await approve(parent.id);
    const reply = await api({
      target: `trip:${site.tripId}`,
      name: 'C',
      email,
      body: 'Child text',
      parent_id: parent.id,
    });
    expect(reply.json().comment).toMatchObject({ parent_id: parent.id, state: 'published' });
    const form = await site.app.inject({ url: `${page}?reply=${parent.id}` });
    expect(form.body).toContain(`name="parent_id" value="${parent.id}"`);
    const nested = new RegExp(
      `id="comment-${parent.id}"[\\s\\S]*Parent text[\\s\\S]*comment-replies[\\s\\S]*Child text`,
    );
    expect(form.body).toMatch(nested);
    const orphan = await api({
      target: `trip:${site.tripId}`,
      name: 'C',
      email,
      body: 'x',
      parent_id: 'nope',
    });
    expect(orphan.statusCode).toBe(400);
  });

  it('lets the author delete the comment with the signed link, and nobody with another', async () => {
    const res = await api({
      target: `trip:${site.tripId}`,
      name: 'D',
      email: 'links@example.org',
      body: 'To be deleted',
    });
    const { comment, delete_url } = res.json();
    const path = new URL(delete_url).pathname + new URL(delete_url).search;
    const sig = new URL(delete_url).searchParams.get('sig')!;
    expect((await published()).map((c) => c.body)).toContain('To be deleted');
    const forged = await site.app.inject({
      method: 'DELETE',
      url: `/api/v1/comments/${comment.id}?sig=${'A'.repeat(sig.length)}`,
    });
    expect(forged.statusCode).toBe(403);
    const otherSig = await site.app.inject({ url: `/comments/other-id/delete?sig=${sig}` });
    expect(otherSig.statusCode).toBe(403);
    const jar = new Jar();
    const _csrf = await formToken(site.app, jar, path);
    const done = await postForm(site.app, jar, `/comments/${comment.id}/delete`, { _csrf, sig }, nextIp());
    expect(done.statusCode).toBe(200);
    expect((await published()).map((c) => c.body)).not.toContain('To be deleted');
    expect((await site.store.getComment({ id: comment.id }))?.state).toBe('deleted');
  });

  it('renders nothing executable from any field', async () => {
    const evil = '<script>alert(1)</script><img src=x onerror=alert(2)>"\'';
    const res = await api({
      target: `trip:${site.tripId}`,
      name: evil,
      email: 'xss@example.org',
      website: 'https://x.example/"><script>alert(3)</script>',
      body: `${evil}\n\njavascript:alert(4) https://ok.example/"onmouseover="alert(5) data:text/html,<script>`,
      kind: 'correction',
      source_url: 'https://src.example/<script>alert(6)</script>',
    });
    expect(res.statusCode).toBe(201);
    expect(
      (
        await api({
          target: `trip:${site.tripId}`,
          name: 'n',
          email: 'n@example.org',
          body: 'b',
          website: 'javascript:alert(1)',
        })
      ).statusCode,
    ).toBe(400);
    await approve(res.json().comment.id);
    for (const url of [page, '/moderation']) {
      const body = (await site.app.inject({ url, headers: { cookie: moderator.header } })).body;
      expect(body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(body).not.toMatch(/<script|<img|<[a-z][^>]*\son\w+=/i);
      for (const [, href] of body.matchAll(/href="([^"]*)"/g)) expect(href).toMatch(/^(https?:\/\/|\/|#)/);
      expect(body).not.toMatch(/href="javascript:/i);
    }
    const pageBody = (await site.app.inject({ url: page })).body;
    expect(pageBody).toContain('<a href="https://ok.example/" rel="nofollow ugc">');
  });
});

describe('moderation', () => {
  it('lets a moderator approve, reject and pre-moderate a trip, by CSRF-checked forms', async () => {
    const held = (
      await api({
        target: `trip:${site.tripId}`,
        name: 'M',
        email: 'mod-me@example.org',
        body: 'Moderate me',
      })
    ).json().comment;
    const view = await site.app.inject({ url: '/moderation', headers: { cookie: moderator.header } });
    expect(view.statusCode).toBe(200);
    expect(view.body).toContain('Moderate me');
    const _csrf = await formToken(site.app, moderator, '/moderation');
    const noToken = await postForm(site.app, moderator, `/moderation/comments/${held.id}/approve`, {});
    expect(noToken.statusCode).toBe(403);
    const ok = await postForm(site.app, moderator, `/moderation/comments/${held.id}/approve`, { _csrf });
    expect(ok.statusCode).toBe(303);
    expect((await site.store.getComment({ id: held.id }))?.state).toBe('published');
    const other = (
      await api({
        target: `trip:${site.tripId}`,
        name: 'M',
        email: 'reject-me@example.org',
        body: 'Reject me',
      })
    ).json().comment;
    await postForm(site.app, moderator, `/moderation/comments/${other.id}/reject`, { _csrf });
    expect((await site.store.getComment({ id: other.id }))?.state).toBe('rejected');
    await postForm(site.app, moderator, '/moderation/premoderation', {
      _csrf,
      trip_id: site.tripId,
      on: '1',
    });
    const trusted = await api({
      target: `trip:${site.tripId}`,
      name: 'M',
      email: 'mod-me@example.org',
      body: 'Now waits',
    });
    expect(trusted.json().comment.state).toBe('pending');
    expect((await site.app.inject({ url: page })).body).toContain('read by a moderator before they appear');
    await postForm(site.app, moderator, '/moderation/premoderation', {
      _csrf,
      trip_id: site.tripId,
      on: '0',
    });
    const again = await api({
      target: `trip:${site.tripId}`,
      name: 'M',
      email: 'mod-me@example.org',
      body: 'Free again',
    });
    expect(again.json().comment.state).toBe('published');
  });

  it("puts a suggested correction in the analysts' queue beside its trip; analysts cannot moderate", async () => {
    await addAccount(site.store, 'analyst@example.org', 'analyst password 1', 'analyst');
    const analyst = await signedIn(site.app, 'analyst@example.org', 'analyst password 1');
    const fix = (
      await api({
        target: `trip:${site.tripId}`,
        name: 'F',
        email: 'fix@example.org',
        body: 'The date is wrong',
        kind: 'correction',
        source_url: 'https://news.example/fix',
      })
    ).json().comment;
    const view = await site.app.inject({ url: '/moderation', headers: { cookie: analyst.header } });
    expect(view.body).toContain('Suggested corrections');
    expect(view.body).toContain('https://news.example/fix');
    expect(view.body).not.toContain('Waiting comments');
    const _csrf = await formToken(site.app, analyst, '/moderation');
    expect(
      (await postForm(site.app, analyst, `/moderation/comments/${fix.id}/approve`, { _csrf })).statusCode,
    ).toBe(403);
    expect(
      (await postForm(site.app, analyst, `/moderation/corrections/${fix.id}/done`, { _csrf })).statusCode,
    ).toBe(303);
    expect((await site.store.openCorrections({})).map((c) => c.id)).not.toContain(fix.id);
    expect((await site.app.inject({ url: '/moderation' })).statusCode).toBe(401);
  });
});

describe('the e-mail address', () => {
  it('appears in no response, no log line and no error message', async () => {
    const email = 'Secret.Address+ww@private.example';
    const target = `trip:${site.tripId}`;
    const responses: string[] = [];
    const keep = (r: { body: string; headers: Record<string, unknown> }) => {
      responses.push(r.body, JSON.stringify(r.headers));
      return r;
    };
    const first = keep(await api({ target, name: 'S', email, body: 'Private author' })).body;
    await approve(JSON.parse(first).comment.id);
    keep(await api({ target, name: 'S', email, body: 'Again' }));
    keep(await api({ target, name: 'S', email, body: 'x'.repeat(5000) }));
    keep(await api({ target, name: '', email, body: '' }));
    keep(await api({ target, name: 'S', email, body: 'x', website: 'ftp://bad' }));
    keep(await postComment({ name: 'S', email, body: 'By the form' }));
    keep(await postComment({ name: 'S', email: `${email}<`, body: 'bad address' }));
    for (const url of [
      page,
      `/api/v1/comments?target=${encodeURIComponent(target)}`,
      '/moderation',
      '/signin',
      '/',
      '/healthz',
    ])
      keep(await site.app.inject({ url, headers: { cookie: moderator.header } }));
    const everything = [...responses, site.logged()].join('\n').toLowerCase();
    expect(everything).toContain('private author');
    expect(everything).not.toContain('secret.address');
    expect(everything).not.toContain('private.example');
    expect(everything).not.toContain(encodeURIComponent(email).toLowerCase());
  });
});
