import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../config.js';
import { createLogger } from '../../log.js';
import { deriveKeys, type Keys } from '../../web/auth/keys.js';
import {
  addAccount,
  commentSite,
  formToken,
  Jar,
  postForm,
  signedIn,
  type CommentSite,
} from '../../web/comments/testing.js';
import { startSmtp, type TestSmtp } from '../../testing/smtp.js';
import { commentChores } from './comments-chores.js';

/** The SMTP server on 127.0.0.1 and the mails it received. */
let smtp: TestSmtp;
let site: CommentSite;
let keys: Keys;
let send: () => Promise<{ sent: number; retried: number; dead: number }>;
let moderator: Jar;
let page = '';
/** Every response body and header the tests saw, for the address check at the end. */
const seen: string[] = [];
/** What the watcher's chores logged. */
const choresLog: string[] = [];
const ANN = 'Ann.Reader+threads@private-mail.example';

beforeAll(async () => {
  smtp = await startSmtp();
  site = await commentSite({ replyMail: true });
  page = `/trips/${encodeURIComponent(site.tripId)}/comments`;
  keys = deriveKeys(await site.store.siteSecret({ name: 'web' }));
  // The watcher's chores as `watch` and `serve` run them; the purge kept out of the way.
  const config = readConfig({ WW_SMTP_URL: smtp.url, WW_COMMENT_PURGE_DAYS: '3650' });
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      choresLog.push(chunk.toString());
      done();
    },
  });
  const chores = commentChores(config, site.store, site.registry, createLogger('trace', sink));
  send = async () => (await chores()).mails!;
  await addAccount(site.store, 'mod@example.org', 'correct horse battery', 'moderator');
  moderator = await signedIn(site.app, 'mod@example.org', 'correct horse battery');
});
afterAll(async () => {
  await site.close();
  await smtp.close();
});

let ip = 0;
const nextIp = () => `10.1.0.${++ip}`;
const keep = <T extends { body: string; headers: Record<string, unknown> }>(r: T): T => {
  seen.push(r.body, JSON.stringify(r.headers));
  return r;
};
async function viaForm(fields: Record<string, string>) {
  const jar = new Jar();
  const _csrf = await formToken(site.app, jar, page);
  return keep(await postForm(site.app, jar, page, { _csrf, ...fields }, nextIp()));
}
async function viaApi(fields: Record<string, unknown>) {
  const res = keep(
    await site.app.inject({
      method: 'POST',
      url: '/api/v1/comments',
      remoteAddress: nextIp(),
      headers: { 'content-type': 'application/json' },
      payload: { target: `trip:${site.tripId}`, ...fields },
    }),
  );
  return res.json().comment as { id: string; state: string };
}
const pendingWith = async (body: string) =>
  (await site.store.listComments({ state: 'pending' })).find((c) => c.body === body)!;

describe('e-mail when someone replies', () => {
  let parentId = '';

  it('offers the checkbox, unticked, and keeps the address only, sealed, when it is ticked', async () => {
    const form = keep(await site.app.inject({ url: page })).body;
    expect(form).toMatch(/<input id="c-notify" name="notify_replies" type="checkbox" value="1" \/>/);
    expect(form).toContain('Email me when someone replies');
    await viaForm({ name: 'Ann', email: ANN, body: 'Who pays for the flight?', notify_replies: '1' });
    parentId = (await pendingWith('Who pays for the flight?')).id;
    await viaForm({ name: 'Nell', email: 'nell@example.org', body: 'No e-mail for me.' });
    expect(await site.store.repliesSubscribed({ commentId: parentId })).toBe(true);
    const nell = await pendingWith('No e-mail for me.');
    expect(await site.store.repliesSubscribed({ commentId: nell.id })).toBe(false);
    await site.store.decideComment({ id: parentId, decision: 'approve', by: 'test' });
  });

  it('mails the parent once the reply is published: not while pending, not to its own author', async () => {
    const own = await viaApi({ name: 'Ann', email: ANN, body: 'Answering myself.', parent_id: parentId });
    expect(own.state).toBe('published');
    const bob = await viaApi({
      name: 'Bob',
      email: 'bob@example.org',
      body: 'The host state does.\nhttps://news.example/flight',
      parent_id: parentId,
    });
    expect(bob.state).toBe('pending');
    expect(await send()).toEqual({ sent: 0, retried: 0, dead: 0 });
    expect(smtp.mails).toEqual([]);
    const _csrf = await formToken(site.app, moderator, '/moderation');
    const approved = await postForm(site.app, moderator, `/moderation/comments/${bob.id}/approve`, { _csrf });
    expect(approved.statusCode).toBe(303);
    expect(await send()).toEqual({ sent: 1, retried: 0, dead: 0 });
    expect(await send()).toEqual({ sent: 0, retried: 0, dead: 0 });
    expect(smtp.mails).toHaveLength(1);
    const { to, raw } = smtp.mails[0]!;
    expect(to).toBe(ANN);
    const text = raw.replace(/=\r?\n/g, '').replace(/\r\n/g, '\n');
    expect(text).toContain('Subject: warrant-watch: Bob replied to your comment');
    expect(text).toContain('Bob replied to your comment on the trip Vladimir Putin in Mongolia');
    expect(text).toContain('> The host state does.\n> https://news.example/flight');
    expect(text).toContain(
      `http://localhost:8080/trips/${encodeURIComponent(site.tripId)}#comment-${bob.id}`,
    );
    const unsubscribe = `http://localhost:8080/comments/${parentId}/unsubscribe?sig=${keys.unsubscribeSig(parentId)}`;
    expect(text).toContain(unsubscribe);
    const headers = text.slice(0, text.indexOf('\n\n')).replace(/\n[ \t]+/g, ' '); // unfolded
    expect(headers).toContain(`List-Unsubscribe: <${unsubscribe}>`);
    expect(headers).toContain('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
  });

  it('mails a reply a trusted author publishes at once, and none after the one-click unsubscribe', async () => {
    const bobAgain = await viaApi({
      name: 'Bob',
      email: 'bob@example.org',
      body: 'And so does the Court.',
      parent_id: parentId,
    });
    expect(bobAgain.state).toBe('published');
    expect((await send()).sent).toBe(1);
    expect(smtp.mails).toHaveLength(2);
    const path = `/comments/${parentId}/unsubscribe`;
    const forged = keep(await site.app.inject({ url: `${path}?sig=${keys.deleteSig(parentId)}` }));
    expect(forged.statusCode).toBe(403);
    expect(await site.store.repliesSubscribed({ commentId: parentId })).toBe(true);
    const done = keep(await site.app.inject({ url: `${path}?sig=${keys.unsubscribeSig(parentId)}` }));
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain('No more e-mails about replies');
    expect(await site.store.repliesSubscribed({ commentId: parentId })).toBe(false);
    const oneClick = keep(
      await site.app.inject({
        method: 'POST',
        url: `${path}?sig=${keys.unsubscribeSig(parentId)}`,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'List-Unsubscribe=One-Click',
      }),
    );
    expect(oneClick.statusCode).toBe(200);
    await viaApi({ name: 'Bob', email: 'bob@example.org', body: 'Still here.', parent_id: parentId });
    expect(await send()).toEqual({ sent: 0, retried: 0, dead: 0 });
    expect(smtp.mails).toHaveLength(2);
  });

  it('never shows the address: not on a page, in the API, the moderation queue or the log', async () => {
    for (const url of [page, `/trips/${encodeURIComponent(site.tripId)}`, '/moderation', '/'])
      keep(await site.app.inject({ url, headers: { cookie: moderator.header } }));
    keep(await site.app.inject({ url: `/api/v1/comments?target=trip:${encodeURIComponent(site.tripId)}` }));
    expect(choresLog.join('')).toContain('reply e-mails sent');
    const everything = [...seen, site.logged(), ...choresLog].join('\n').toLowerCase();
    expect(everything).toContain('who pays for the flight?');
    for (const part of ['ann.reader', 'private-mail.example', encodeURIComponent(ANN).toLowerCase()])
      expect(everything).not.toContain(part);
  });
});

describe('without an SMTP server', () => {
  it('shows no checkbox and keeps no address, even when one is asked for', async () => {
    const bare = await commentSite();
    try {
      const url = `/trips/${encodeURIComponent(bare.tripId)}/comments`;
      const form = await bare.app.inject({ url });
      expect(form.body).toContain('Leave a comment');
      expect(form.body).not.toContain('notify_replies');
      const res = await bare.app.inject({
        method: 'POST',
        url: '/api/v1/comments',
        headers: { 'content-type': 'application/json' },
        payload: { target: `trip:${bare.tripId}`, name: 'A', email: ANN, body: 'x', notify_replies: true },
      });
      expect(res.statusCode).toBe(201);
      expect(await bare.store.repliesSubscribed({ commentId: res.json().comment.id })).toBe(false);
    } finally {
      await bare.close();
    }
  });
});
