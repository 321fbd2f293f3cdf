import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyWebhook, type Alert } from '../alerts/index.js';
import { openStore, type NewAlert, type Store } from '../store/index.js';
import { tableLookup } from '../testing/lookup.js';
import { startSmtp, type TestSmtp } from '../testing/smtp.js';
import { deliverDue, httpPost, RETRY_DELAYS_S, smtpMail, webhookTargetCheck } from './delivery.js';

const SECRET = 'whsec-test';

/** A receiver on 127.0.0.1 that checks each signature and answers as told. */
interface Received {
  id: string;
  kind: string;
  body: { id: string; kind: string; trip_id: string };
  verified: boolean;
}
let server: Server;
let origin = '';
const received: Received[] = [];
let answer: (n: number) => number | 'hang' = () => 200;

const read = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => resolve(body));
  });

beforeAll(async () => {
  server = createServer((req, res) => {
    void read(req).then((body) => {
      const status = answer(received.length);
      received.push({
        id: String(req.headers['webhook-id']),
        kind: String(req.headers['x-warrant-watch-event']),
        body: JSON.parse(body) as Received['body'],
        verified: verifyWebhook(SECRET, req.headers, body, Math.floor(clock.getTime() / 1000)),
      });
      if (status === 'hang') return; // never answers: the sender's timeout must end it
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

let clock = new Date('2026-09-01T10:00:00Z');
const now = () => clock;
const tick = (seconds: number) => (clock = new Date(clock.getTime() + seconds * 1000));

function alert(n: number, kind: Alert['kind'] = 'upcoming_visit'): NewAlert {
  return {
    id: `trip-${n}:${kind}`,
    kind,
    tripId: `trip-${n}`,
    subjectId: 'putin-vladimir',
    countryIso2: 'MN',
    evidence: { articleId: `a${n}`, published: '2026-09-01' },
    duty: { kind: 'binding', basis: [], date: '2026-09-05' as Alert['duty']['date'] },
    createdAt: clock.toISOString(),
    articleId: `a${n}`,
  };
}

async function storeWithHook(url: string): Promise<Store> {
  const store = await openStore({ url: 'sqlite::memory:', migrate: true, now });
  await store.addWebhook({ url, secret: SECRET });
  return store;
}

describe('webhook delivery', () => {
  const local = httpPost({
    timeoutMs: 2000,
    allowPrivateAddresses: false,
    allowedNetworks: ['127.0.0.1/32'],
  });
  afterAll(() => local.close());

  it('delivers each alert signed, and exactly once by idempotency key to a receiver that failed 3 times', async () => {
    received.length = 0;
    answer = (n) => (n < 3 ? 500 : 200);
    const store = await storeWithHook(`${origin}/hook`);
    await store.raiseAlerts({ alerts: [alert(1)] });
    const runs = [];
    for (let i = 0; i < 5; i++) {
      runs.push(await deliverDue({ store, post: local.post, now }));
      tick(RETRY_DELAYS_S[i]!);
    }
    expect(runs.map((r) => [r.delivered, r.retried])).toEqual([
      [0, 1],
      [0, 1],
      [0, 1],
      [1, 0],
      [0, 0],
    ]);
    expect(new Set(received.map((r) => r.id)).size).toBe(1); // one key over the four attempts
    expect(received.every((r) => r.verified && r.kind === 'upcoming_visit')).toBe(true);
    expect(received[3]!.body).toMatchObject({
      id: 'trip-1:upcoming_visit',
      kind: 'upcoming_visit',
      trip_id: 'trip-1',
    });
    await store.close();
  });

  it('waits for the backoff, and gives up after the last retry', async () => {
    received.length = 0;
    answer = () => 503;
    const store = await storeWithHook(`${origin}/down`);
    await store.raiseAlerts({ alerts: [alert(2, 'arrival')] });
    expect((await deliverDue({ store, post: local.post, now })).retried).toBe(1);
    tick(RETRY_DELAYS_S[0] - 1);
    expect(await deliverDue({ store, post: local.post, now })).toEqual({ delivered: 0, retried: 0, dead: 0 });
    let dead = 0;
    for (const delay of RETRY_DELAYS_S) {
      tick(delay);
      dead += (await deliverDue({ store, post: local.post, now })).dead;
    }
    expect(dead).toBe(1);
    expect(received).toHaveLength(RETRY_DELAYS_S.length + 1);
    await store.close();
  });

  it('counts a receiver that never answers as a failure', async () => {
    received.length = 0;
    answer = () => 'hang';
    const quick = httpPost({
      timeoutMs: 300,
      allowPrivateAddresses: false,
      allowedNetworks: ['127.0.0.1/32'],
    });
    const store = await storeWithHook(`${origin}/slow`);
    await store.raiseAlerts({ alerts: [alert(3)] });
    expect((await deliverDue({ store, post: quick.post, now })).retried).toBe(1);
    tick(RETRY_DELAYS_S[0]);
    const [again] = await store.dueDeliveries({ now: clock.toISOString(), limit: 5 });
    expect(again?.lastError).toMatch(/timeout|aborted/i);
    await quick.close();
    await store.close();
  });

  it('refuses a private address in a webhook URL, and records why', async () => {
    received.length = 0;
    answer = () => 200;
    const strict = httpPost({ timeoutMs: 2000, allowPrivateAddresses: false });
    const store = await storeWithHook(`${origin}/private`);
    await store.addWebhook({ url: origin.replace('127.0.0.1', 'localhost'), secret: SECRET });
    await store.raiseAlerts({ alerts: [alert(4)] });
    expect((await deliverDue({ store, post: strict.post, now })).retried).toBe(2);
    expect(received).toEqual([]);
    tick(RETRY_DELAYS_S[0]);
    const errors = (await store.dueDeliveries({ now: clock.toISOString(), limit: 5 })).map(
      (d) => d.lastError,
    );
    expect(errors).toEqual(
      expect.arrayContaining([
        '127.0.0.1 is not a public address',
        expect.stringMatching(/localhost resolves to/),
      ]),
    );
    await strict.close();
    await store.close();
  });
});

describe('e-mail delivery, for mailto: webhooks', () => {
  let smtp: TestSmtp;
  beforeAll(async () => {
    smtp = await startSmtp();
  });
  afterAll(() => smtp.close());

  it('mails the alert through the SMTP server, with the idempotency key as Message-ID', async () => {
    const store = await openStore({ url: 'sqlite::memory:', migrate: true, now });
    await store.addWebhook({ url: 'mailto:desk@ngo.example', secret: 'unused-for-mail-0000' });
    await store.raiseAlerts({ alerts: [alert(5, 'arrival')] });
    const [due] = await store.dueDeliveries({ now: clock.toISOString(), limit: 5 });
    const mailer = smtpMail(smtp.url, 'warrant-watch <alerts@ww.example>');
    const post = () => Promise.reject(new Error('no HTTP for mail'));
    expect(await deliverDue({ store, post, mail: mailer.mail, now })).toMatchObject({ delivered: 1 });
    mailer.close();
    expect(smtp.mails).toHaveLength(1);
    expect(smtp.mails[0]!.to).toBe('desk@ngo.example');
    expect(smtp.mails[0]!.raw).toContain(`Message-ID: <${due!.id}@warrant-watch>`);
    expect(smtp.mails[0]!.raw).toContain('Subject: warrant-watch: arrival (putin-vladimir, MN)');
    await store.close();
  });

  it('keeps an e-mail due when no SMTP server is configured, saying so', async () => {
    const store = await openStore({ url: 'sqlite::memory:', migrate: true, now });
    await store.addWebhook({ url: 'mailto:desk@ngo.example', secret: 'unused-for-mail-0000' });
    await store.raiseAlerts({ alerts: [alert(6)] });
    const post = () => Promise.reject(new Error('no HTTP for mail'));
    expect((await deliverDue({ store, post, now })).retried).toBe(1);
    tick(RETRY_DELAYS_S[0]);
    const [again] = await store.dueDeliveries({ now: clock.toISOString(), limit: 5 });
    expect(again?.lastError).toBe('no SMTP server is configured (WW_SMTP_URL)');
    await store.close();
  });
});

describe('the check of a webhook URL when it is added', () => {
  /** A resolver from a table: no name is looked up on the network. */
  const names = {
    'hooks.ngo.example': ['93.184.216.34', '2606:2800:220:1:248:1893:25c8:1946'],
    'intranet.ngo.example': ['93.184.216.34', '10.1.2.3'],
  };
  const lookup = tableLookup(names);
  const check = webhookTargetCheck({ allowPrivateAddresses: false, lookup });

  it('accepts a public host and refuses loopback, private, link-local and IPv6 forms of them, saying why', async () => {
    expect(await check('https://hooks.ngo.example/in')).toBeUndefined();
    expect(await check('https://93.184.216.34/in')).toBeUndefined();
    const refused = {
      'http://127.0.0.1:9/': /127\.0\.0\.1 is a loopback address/,
      'http://2130706433/': /127\.0\.0\.1 is a loopback address/,
      'https://10.0.0.7/': /private network/,
      'https://192.168.1.1/': /private network/,
      'https://169.254.169.254/latest/meta-data': /link-local/,
      'https://[::1]/': /loopback/,
      'https://[::ffff:127.0.0.1]/': /loopback/,
      'https://[::ffff:10.0.0.1]/': /private network/,
      'https://[fd00::1]/': /unique local/,
      'https://[fe80::1]/': /link-local/,
      'https://0.0.0.0/': /unspecified/,
      'https://intranet.ngo.example/':
        /intranet\.ngo\.example resolves to 10\.1\.2\.3, which is a private network/,
      'https://nowhere.ngo.example/': /could not be found/,
    };
    for (const [url, why] of Object.entries(refused)) expect(await check(url), url).toMatch(why);
  });

  it('lets 127.0.0.1 through only when that network is allowed explicitly (tests)', async () => {
    const local = webhookTargetCheck({
      allowPrivateAddresses: false,
      allowedNetworks: ['127.0.0.1/32'],
      lookup,
    });
    expect(await local('http://127.0.0.1:9/hook')).toBeUndefined();
    expect(await local('http://127.0.0.2:9/hook')).toMatch(/loopback/);
    expect(await local('http://10.0.0.1/hook')).toMatch(/private network/);
  });
});
