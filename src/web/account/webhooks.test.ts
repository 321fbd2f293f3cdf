import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyWebhook, type Alert } from '../../alerts/index.js';
import type { NewAlert } from '../../store/index.js';
import { deliverOutbox, webhookCheck } from '../../testing/web.js';
import {
  addAccount,
  commentSite,
  formToken,
  Jar,
  postForm,
  signedIn,
  type CommentSite,
} from '../comments/testing.js';
import { addWebhookForm } from './form.js';
import { ADD_LIMIT } from './routes.js';
import { MAX_WEBHOOKS_PER_USER } from './service.js';

const PAGE = '/account/webhooks';
/** A public name, resolved from a table (tests never query DNS). */
const NAMES = {
  'hooks.ngo.example': ['93.184.216.34'],
  'intranet.ngo.example': ['10.20.30.40'],
  localhost: ['127.0.0.1', '::1'],
};

let site: CommentSite;
let ann: Jar;
let bob: Jar;
let mod: Jar;
let annId = '';
beforeAll(async () => {
  site = await commentSite({ checkWebhookUrl: webhookCheck({ names: NAMES }) });
  annId = (await addAccount(site.store, 'ann@ngo.example', 'ann password 123', 'analyst')).id;
  await addAccount(site.store, 'bob@ngo.example', 'bob password 123', 'analyst');
  await addAccount(site.store, 'mod@ngo.example', 'mod password 123', 'moderator');
  [ann, bob, mod] = await Promise.all([
    signedIn(site.app, 'ann@ngo.example', 'ann password 123'),
    signedIn(site.app, 'bob@ngo.example', 'bob password 123'),
    signedIn(site.app, 'mod@ngo.example', 'mod password 123'),
  ]);
});
afterAll(() => site.close());

let ip = 0;
/** A fresh client address per post, so that the add form's rate limit is met only on purpose. */
const nextIp = () => `10.7.${Math.floor(++ip / 250)}.${ip % 250}`;

const get = (jar: Jar) => site.app.inject({ url: PAGE, headers: { cookie: jar.header } });

async function add(jar: Jar, fields: Record<string, string | string[]>, app = site.app, remote = nextIp()) {
  const _csrf = await formToken(app, jar, PAGE);
  const body = new URLSearchParams({ _csrf });
  for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) body.append(k, one);
  return jar.take(
    await app.inject({
      method: 'POST',
      url: PAGE,
      remoteAddress: remote,
      headers: { cookie: jar.header, 'content-type': 'application/x-www-form-urlencoded' },
      payload: body.toString(),
    }),
  );
}

async function remove(jar: Jar, id: string) {
  const _csrf = await formToken(site.app, jar, PAGE);
  return postForm(site.app, jar, `${PAGE}/${encodeURIComponent(id)}/remove`, { _csrf });
}

const secretOn = (body: string) =>
  /id="secret-value" class="secret-value" readonly value="([^"]+)"/.exec(body)?.[1];
const said = (body: string) => /<p class="error" role="alert">([^<]*)</.exec(body)?.[1];

/** An alert on the site's one trip, as the record step raises it. */
async function alertOn(on: CommentSite, kind: Alert['kind']): Promise<NewAlert> {
  const trip = (await on.store.getTrip({ id: on.tripId }))!;
  return {
    id: `${trip.id}:${kind}`,
    kind,
    tripId: trip.id,
    subjectId: trip.subjectId,
    countryIso2: trip.countryIso2,
    evidence: { articleId: 'a1', published: '2024-08-29' },
    duty: { kind: 'binding', basis: [], date: '2024-09-03' as Alert['duty']['date'] },
    createdAt: '2024-08-29T09:00:00Z',
    articleId: 'a1',
  };
}

describe('webhooks on the web (/account/webhooks)', () => {
  it('refuses anyone not signed in, and stores nothing for them', async () => {
    expect((await site.app.inject({ url: PAGE })).statusCode).toBe(401);
    const anonymous = new Jar();
    const _csrf = await formToken(site.app, anonymous, '/signin');
    const res = await postForm(site.app, anonymous, PAGE, { _csrf, url: 'https://hooks.ngo.example/x' });
    expect(res.statusCode).toBe(401);
    expect(await site.store.listWebhooks({})).toEqual([]);
  });

  it('refuses a post without a valid CSRF token, storing nothing', async () => {
    const fields = { url: 'https://hooks.ngo.example/forged' };
    expect((await postForm(site.app, ann, PAGE, fields, nextIp())).statusCode).toBe(403);
    expect((await postForm(site.app, ann, PAGE, { ...fields, _csrf: 'forged' }, nextIp())).statusCode).toBe(
      403,
    );
    expect(await site.store.listWebhooks({})).toEqual([]);
  });

  it('adds a webhook with the kinds ticked and shows its secret once, never again', async () => {
    const res = await add(ann, { url: 'https://hooks.ngo.example/ann', kinds: ['arrival', 'arrested'] });
    expect(res.statusCode).toBe(201);
    expect(res.headers['cache-control']).toBe('no-store');
    const secret = secretOn(res.body);
    expect(secret).toMatch(/^[\w-]{43}$/);
    expect(res.body).toContain('webhook-signature');
    const [stored] = await site.store.listWebhooks({ ownerId: annId });
    expect(stored).toMatchObject({
      url: 'https://hooks.ngo.example/ann',
      kinds: ['arrival', 'arrested'],
      secret,
    });
    const again = await get(ann);
    expect(again.statusCode).toBe(200);
    expect(again.body).toContain('https://hooks.ngo.example/ann');
    expect(again.body).toContain('Arrival, Arrested');
    expect(again.body).not.toContain(secret!);
    expect(secretOn(again.body)).toBeUndefined();
    // One kind ticked arrives as a lone string; none ticked is every kind.
    await add(ann, { url: 'https://hooks.ngo.example/one', kinds: 'cancelled' });
    await add(ann, { url: 'https://hooks.ngo.example/every' });
    const kinds = (await site.store.listWebhooks({ ownerId: annId })).map((w) => w.kinds ?? 'all');
    expect(kinds).toEqual([['arrival', 'arrested'], ['cancelled'], 'all']);
    const unknown = await add(ann, { url: 'https://hooks.ngo.example/bad', kinds: 'coup' });
    expect(unknown.statusCode).toBe(400);
    expect(said(unknown.body)).toMatch(/Choose alert kinds among/);
  });

  it("hides a user's webhooks from another analyst, who cannot remove them (404); moderators see them", async () => {
    const [mine] = await site.store.listWebhooks({ ownerId: annId });
    const seen = await get(bob);
    expect(seen.body).not.toContain('hooks.ngo.example/ann');
    expect(seen.body).toContain('moderators can see every webhook');
    expect((await remove(bob, mine!.id)).statusCode).toBe(404);
    expect((await remove(mod, mine!.id)).statusCode).toBe(404);
    expect((await site.store.listWebhooks({ ownerId: annId })).map((w) => w.id)).toContain(mine!.id);
    const moderator = await get(mod);
    expect(moderator.body).toContain('https://hooks.ngo.example/ann');
    expect(moderator.body).toContain('by ann@ngo.example');
    expect(moderator.body).toContain('only their owners remove them');
    expect(moderator.body).not.toContain(`${PAGE}/${mine!.id}/remove`);
    expect(moderator.body).not.toContain(mine!.secret);
  });

  it('removes a webhook of ones own, which then gets no more alerts', async () => {
    const made = await add(bob, { url: 'https://hooks.ngo.example/bob' });
    const [hook] = await site.store.listWebhooks({
      ownerId: (await site.store.getUser({ email: 'bob@ngo.example' }))!.id,
    });
    expect(made.statusCode).toBe(201);
    const res = await remove(bob, hook!.id);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(PAGE);
    expect((await get(bob)).body).not.toContain('hooks.ngo.example/bob');
    expect((await remove(bob, hook!.id)).statusCode).toBe(404);
    await site.store.raiseAlerts({ alerts: [await alertOn(site, 'cancelled')] });
    expect(await site.store.listDeliveries({ webhookId: hook!.id, limit: 10 })).toEqual([]);
    const [annsEvery] = (await site.store.listWebhooks({ ownerId: annId })).filter((w) => !w.kinds);
    expect(await site.store.listDeliveries({ webhookId: annsEvery!.id, limit: 10 })).toHaveLength(1);
  });

  it('refuses private, loopback, link-local and IPv6-mapped addresses with a clear message', async () => {
    const before = (await site.store.listWebhooks({})).length;
    const cases = {
      'http://127.0.0.1:8080/hook': /127\.0\.0\.1 is a loopback address/,
      'http://localhost:8080/hook': /localhost resolves to 127\.0\.0\.1, which is a loopback address/,
      'https://10.1.2.3/hook': /10\.1\.2\.3 is a private network address/,
      'https://172.16.0.9/hook': /private network/,
      'https://192.168.0.1/hook': /private network/,
      'https://169.254.169.254/latest/meta-data/': /169\.254\.169\.254 is a link-local address/,
      'https://[::1]/hook':
        /::1 is a loopback address \(this machine\): webhooks are sent only to public addresses/,
      'https://nowhere.ngo.example/hook': /the host nowhere\.ngo\.example could not be found/,
      'https://[::ffff:127.0.0.1]/hook': /is a loopback address/,
      'https://[::ffff:192.168.1.1]/hook': /private network/,
      'https://[fe80::1]/hook': /link-local/,
      'https://[fd12:3456::1]/hook': /unique local/,
      'https://intranet.ngo.example/hook':
        /intranet\.ngo\.example resolves to 10\.20\.30\.40, which is a private network/,
      'ftp://hooks.ngo.example/hook': /Give an http:\/\/ or https:\/\/ URL/,
      'https://user:pw@hooks.ngo.example/hook': /must not carry a user name or password/,
    };
    for (const [url, why] of Object.entries(cases)) {
      const res = await add(ann, { url });
      expect(res.statusCode, url).toBe(400);
      expect(said(res.body), url).toMatch(why);
      // The form again, holding what was typed, so it can be corrected.
      expect(res.body).toContain(`value="${url.replace(/&/g, '&amp;')}"`);
    }
    expect((await site.store.listWebhooks({})).length).toBe(before);
  });

  it('takes https only when the site itself is served over https', () => {
    expect(
      addWebhookForm(true).safeParse({ url: 'http://hooks.ngo.example/x' }).error?.issues[0]?.message,
    ).toMatch(/https:\/\/ URL/);
    expect(addWebhookForm(true).safeParse({ url: 'https://hooks.ngo.example/x' }).success).toBe(true);
    expect(addWebhookForm(false).safeParse({ url: 'http://hooks.ngo.example/x' }).success).toBe(true);
  });

  it(`holds at most ${MAX_WEBHOOKS_PER_USER} webhooks per account, and limits adds per client address`, async () => {
    const cara = await addAccount(site.store, 'cara@ngo.example', 'cara password 123', 'analyst');
    const jar = await signedIn(site.app, 'cara@ngo.example', 'cara password 123');
    for (let i = 0; i < MAX_WEBHOOKS_PER_USER; i++)
      expect((await add(jar, { url: `https://hooks.ngo.example/c${i}` })).statusCode).toBe(201);
    const over = await add(jar, { url: 'https://hooks.ngo.example/one-too-many' });
    expect(over.statusCode).toBe(400);
    expect(said(over.body)).toMatch(/at most 10 webhooks/);
    expect(await site.store.listWebhooks({ ownerId: cara.id })).toHaveLength(MAX_WEBHOOKS_PER_USER);
    const codes = [];
    for (let i = 0; i <= ADD_LIMIT.rateLimit.max; i++)
      codes.push((await add(jar, { url: 'ftp://x' }, site.app, '10.250.0.1')).statusCode);
    expect(codes.slice(0, -1).every((c) => c === 400)).toBe(true);
    expect(codes.at(-1)).toBe(429);
  });
});

describe('a webhook added on the web, through the delivery path', () => {
  let local: CommentSite;
  let receiver: Server;
  let origin = '';
  const got: { path: string; headers: Record<string, string | string[] | undefined>; body: string }[] = [];
  beforeAll(async () => {
    // Only this suite lets 127.0.0.1 through, explicitly, as the delivery tests do.
    local = await commentSite({ checkWebhookUrl: webhookCheck({ allowedNetworks: ['127.0.0.1/32'] }) });
    await addAccount(local.store, 'ann@ngo.example', 'ann password 123', 'analyst');
    receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        got.push({ path: req.url ?? '', headers: req.headers, body });
        res.writeHead(req.url === '/broken' ? 500 : 204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    receiver.closeAllConnections();
    await new Promise((resolve) => receiver.close(resolve));
    await local.close();
  });

  it('receives a signed delivery when an alert is raised, and the page shows how each went', async () => {
    const jar = await signedIn(local.app, 'ann@ngo.example', 'ann password 123');
    const made = await add(jar, { url: `${origin}/hook`, kinds: 'upcoming_visit' }, local.app);
    expect(made.statusCode).toBe(201);
    const secret = secretOn(made.body)!;
    await add(jar, { url: `${origin}/broken` }, local.app);
    // Loopback beside the one address allowed is still refused.
    expect(said((await add(jar, { url: 'http://127.0.0.2/hook' }, local.app)).body)).toMatch(/loopback/);
    await local.store.raiseAlerts({ alerts: [await alertOn(local, 'upcoming_visit')] });
    // The outbox is stamped by the real clock: deliver a minute after it, on a whole minute.
    const at = new Date(Math.ceil(Date.now() / 60_000) * 60_000 + 60_000);
    const now = () => at;
    const shown = `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
    expect(await deliverOutbox(local.store, now, ['127.0.0.1/32'])).toEqual({
      delivered: 1,
      retried: 1,
      dead: 0,
    });
    const [hit] = got.filter((g) => g.path === '/hook');
    expect(hit!.headers['x-warrant-watch-event']).toBe('upcoming_visit');
    expect(verifyWebhook(secret, hit!.headers, hit!.body, now().getTime() / 1000)).toBe(true);
    expect(verifyWebhook(`${secret}x`, hit!.headers, hit!.body, now().getTime() / 1000)).toBe(false);
    expect(JSON.parse(hit!.body)).toMatchObject({ kind: 'upcoming_visit', trip_id: local.tripId });
    const page = (await local.app.inject({ url: PAGE, headers: { cookie: jar.header } })).body;
    expect(page).toContain('Vladimir Putin to visit Mongolia');
    expect(page).toContain(`delivered ${shown}`);
    expect(page).toMatch(
      /failing, next try \d{4}-\d\d-\d\d \d\d:\d\d UTC<\/td>\s*<td data-label="Attempts">1<\/td>\s*<td data-label="Last error">HTTP 500/,
    );
  });
});
