import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../store/index.js';
import { runCli } from '../../testing/cli.js';
import { testSite, type TestSite } from '../../testing/web.js';
import { addAccount, formToken, postForm, signedIn, type Jar } from '../comments/testing.js';
import { fill } from './testing.js';

const ANALYST = 'Ana.Lyst+review@private.example';
const PASSWORD = 'analyst password 1';

let site: TestSite;
let analyst: Jar;
let userId: string;
/** The same record in a file, for the CLI. */
let dir: string;
let cliDb: string;
beforeAll(async () => {
  site = await testSite({}, fill);
  userId = (await addAccount(site.store, ANALYST, PASSWORD, 'analyst')).id;
  analyst = await signedIn(site.app, ANALYST, PASSWORD);
  dir = mkdtempSync(join(tmpdir(), 'ww-review-'));
  cliDb = `sqlite:${join(dir, 'cli.db')}`;
  const store = await openStore({ url: cliDb, migrate: true });
  await fill(store);
  await store.close();
}, 60_000);
afterAll(async () => {
  await site.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A page as the analyst sees it, or (`null`) as a visitor does. */
const get = (url: string, jar: Jar | null = analyst) =>
  site.app.inject({ url, headers: jar ? { cookie: jar.header } : {} });
const tripsOf = (store: Store, subjectId: string) => store.listTrips({ subjectId, includeSuperseded: true });
const brazil = async (store: Store) =>
  (await tripsOf(store, 'putin-vladimir'))
    .filter((t) => t.countryIso2 === 'BR')
    .sort((a, b) => (a.start ?? '').localeCompare(b.start ?? '') || a.id.localeCompare(b.id));
const page = (id: string) => `/review/trips/${encodeURIComponent(id)}`;

async function decide(tripId: string, action: string, fields: Record<string, string | string[]> = {}) {
  const _csrf = await formToken(site.app, analyst, page(tripId));
  const body = new URLSearchParams({ _csrf });
  for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) body.append(k, one);
  return analyst.take(
    await site.app.inject({
      method: 'POST',
      url: `${page(tripId)}/${action}`,
      headers: { cookie: analyst.header, 'content-type': 'application/x-www-form-urlencoded' },
      payload: body.toString(),
    }),
  );
}

/** What the CLI does to its copy of the record with the same decision. */
async function cli(tripId: string, action: string, ...args: string[]) {
  const r = await runCli(['review', tripId, action, '--by', `user:${userId}`, ...args], {
    DATABASE_URL: cliDb,
  });
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
}

/** The record with what differs between two runs of one decision made alike: its id and time. */
function same(value: unknown): unknown {
  return JSON.parse(
    JSON.stringify(value, (k, v: unknown) =>
      k === 'reviewId' || k === 'at' || (k === 'id' && typeof v === 'string' && !v.startsWith('trip-'))
        ? '-'
        : v,
    ).replace(/~[0-9a-f]{8}/g, '~split'),
  );
}

/** A look at the CLI's copy of the record. */
async function cliLook<T>(look: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore({ url: cliDb });
  try {
    return await look(store);
  } finally {
    await store.close();
  }
}

async function bothRecords(subjectId: string, tripId: string) {
  const record = async (store: Store) =>
    same({ trips: await tripsOf(store, subjectId), audit: await store.auditOf({ target: tripId }) });
  return { web: await record(site.store), cli: await cliLook(record) };
}

describe('who may review', () => {
  it('refuses a visitor as /moderation does, and a signed-out analyst', async () => {
    const [trip] = await brazil(site.store);
    const moderation = await get('/moderation', null);
    for (const url of ['/review', page(trip!.id)]) {
      const res = await get(url, null);
      expect(res.statusCode).toBe(401);
      expect(res.body).toBe(moderation.body);
    }
    const jar = await signedIn(site.app, ANALYST, PASSWORD);
    expect((await get('/review', jar)).statusCode).toBe(200);
    const _csrf = await formToken(site.app, jar, '/review');
    expect((await postForm(site.app, jar, '/signout', { _csrf })).statusCode).toBe(303);
    expect((await get('/review', jar)).statusCode).toBe(401);
    const token = await formToken(site.app, jar, '/signin');
    expect((await postForm(site.app, jar, `${page(trip!.id)}/reject`, { _csrf: token })).statusCode).toBe(
      401,
    );
    expect(await site.store.auditOf({ target: trip!.id })).toEqual([]);
  });

  it('writes nothing without the CSRF token', async () => {
    const [trip] = await brazil(site.store);
    const before = await tripsOf(site.store, 'putin-vladimir');
    const res = await postForm(site.app, analyst, `${page(trip!.id)}/reject`, { why: 'no token' });
    expect(res.statusCode).toBe(403);
    const forged = await postForm(site.app, analyst, `${page(trip!.id)}/reject`, {
      _csrf: 'forged',
      why: 'x',
    });
    expect(forged.statusCode).toBe(403);
    expect(await tripsOf(site.store, 'putin-vladimir')).toEqual(before);
    expect(await site.store.auditOf({ target: trip!.id })).toEqual([]);
  });
});

describe('the queue', () => {
  it('lists the waiting trips, live ones first, with their open corrections, and filters them', async () => {
    const [first] = await brazil(site.store);
    const fix = await site.store.addComment({
      target: `trip:${first!.id}`,
      kind: 'correction',
      name: 'Reader',
      emailKey: 'k',
      body: 'He arrives a day later, see https://news.example/fix-text',
      sourceUrl: 'https://news.example/fix',
      state: 'published',
      createdAt: '2026-12-01T10:00:00Z',
    });
    const res = await get('/review');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('3 trips wait for an analyst');
    const order = [...res.body.matchAll(/<h3><a href="\/review\/trips\/([^"]+)"/g)].map((m) =>
      decodeURIComponent(m[1]!),
    );
    const br = await brazil(site.store);
    const greece = (await tripsOf(site.store, 'netanyahu-benjamin'))[0]!;
    // Both Brazil trips are planned; the one with a correction first; the completed trip last.
    expect(order).toEqual([first!.id, br[1]!.id, greece.id]);
    expect(res.body).toContain('He arrives a day later');
    expect(res.body).toContain('<a href="https://news.example/fix" rel="nofollow ugc">');
    expect(res.body).toContain('<a href="https://news.example/fix-text" rel="nofollow ugc">');
    expect(res.body).toMatch(/3 sources · confidence \d+%/);
    const one = await get('/review?subject=netanyahu-benjamin');
    expect(one.body).toContain('1 trip waits for an analyst');
    expect(one.body).toContain(page(greece.id));
    expect(one.body).not.toContain(page(first!.id));
    expect((await get('/review?status=completed')).body).toContain('1 trip waits');
    expect((await get('/review?state=confirmed')).body).toContain('0 trips confirmed');
    expect((await get('/review?subject=nobody')).statusCode).toBe(400);
    expect((await get('/review?state=bogus')).statusCode).toBe(400);
    await site.store.closeCorrection({ id: fix.id, by: 'test' });
  });

  it('links the review from /moderation, and shows Review in the header of signed-in pages only', async () => {
    const [trip] = await brazil(site.store);
    const fix = await site.store.addComment({
      target: `trip:${trip!.id}`,
      kind: 'correction',
      name: 'R',
      emailKey: 'k2',
      body: 'Wrong city',
      state: 'published',
      createdAt: '2026-12-01T11:00:00Z',
    });
    expect((await get('/moderation')).body).toContain(`<a href="${page(trip!.id)}">Review this trip</a>`);
    expect((await get('/review')).body).toMatch(/<a href="\/review"\s+aria-current="page">Review<\/a>/);
    expect((await get('/', null)).body).not.toContain('href="/review"');
    await site.store.closeCorrection({ id: fix.id, by: 'test' });
  });
});

describe('the five decisions', () => {
  it('change the record as `warrant-watch review` does, and the audit trail shows them', async () => {
    const greece = (await tripsOf(site.store, 'netanyahu-benjamin'))[0]!;
    expect((await decide(greece.id, 'confirm', { why: 'Seen on state TV' })).statusCode).toBe(303);
    await cli(greece.id, 'confirm', '--why', 'Seen on state TV');
    let both = await bothRecords('netanyahu-benjamin', greece.id);
    expect(both.web).toEqual(both.cli);
    expect((await tripsOf(site.store, 'netanyahu-benjamin'))[0]!.review).toMatchObject({
      state: 'confirmed',
      by: `user:${userId}`,
    });

    const [a, b] = await brazil(site.store);
    const edit = await decide(a!.id, 'edit', {
      status: 'planned',
      start: '2026-12-21',
      end: '',
      city: 'Brasília',
      why: 'Itinerary',
    });
    expect(edit.statusCode).toBe(303);
    expect(edit.headers.location).toBe(page(a!.id));
    await cli(a!.id, 'edit', '--start', '2026-12-21', '--city', 'Brasília', '--why', 'Itinerary');
    both = await bothRecords('putin-vladimir', a!.id);
    expect(both.web).toEqual(both.cli);
    expect((await site.store.getTrip({ id: a!.id }))!).toMatchObject({
      start: '2026-12-21',
      city: 'Brasília',
    });

    expect((await decide(a!.id, 'split', { articles: ['a3'], why: 'Another visit' })).statusCode).toBe(303);
    await cli(a!.id, 'split', '--articles', 'a3', '--why', 'Another visit');
    both = await bothRecords('putin-vladimir', a!.id);
    expect(both.web).toEqual(both.cli);
    const part = (await brazil(site.store)).find((t) => t.id.startsWith(`${a!.id}~`))!;
    expect(part.evidence.map((e) => e.articleId)).toEqual(['a3']);

    expect((await decide(b!.id, 'merge', { into: a!.id, why: 'Same journey' })).statusCode).toBe(303);
    await cli(b!.id, 'merge', '--into', a!.id, '--why', 'Same journey');
    both = await bothRecords('putin-vladimir', b!.id);
    expect(both.web).toEqual(both.cli);
    expect((await site.store.getTrip({ id: b!.id }))!.review).toMatchObject({ state: 'merged', into: a!.id });

    expect((await decide(part.id, 'reject', { why: 'Not borne out' })).statusCode).toBe(303);
    const cliPart = (await cliLook(brazil)).find((t) => t.id.startsWith(`${a!.id}~`))!;
    await cli(cliPart.id, 'reject', '--why', 'Not borne out');
    both = await bothRecords('putin-vladimir', a!.id);
    expect(both.web).toEqual(both.cli);
    expect((await site.store.getTrip({ id: part.id }))!.review?.state).toBe('rejected');

    const view = await get(page(a!.id));
    expect(view.body).toContain('Audit trail (3)');
    expect(view.body).toContain(`<strong>Edited</strong> by user:${userId}`);
    expect(view.body).toContain('Why: Itinerary');
    expect(view.body).toContain('city <del>none</del> → <ins>Brasília</ins>');
    expect(view.body).toContain('first day <del>20 December 2026</del> → <ins>21 December 2026</ins>');
    expect(view.body).toContain('<strong>Merged into another trip</strong>');
    expect(view.body).toContain('Why: Same journey');
    // The part split off shows the split it came from and its own rejection.
    const partView = await get(page(part.id));
    expect(partView.body).toContain('Audit trail (2)');
    expect(partView.body).toMatch(
      /<strong>Split<\/strong>[^]*<strong>Rejected<\/strong>[^]*Why: Not borne out/,
    );
    expect(partView.body).toContain(`${part.id}</a>, a new trip: status planned; first day 21 December 2026`);
    const merged = await get(page(b!.id));
    expect(merged.body).toContain('no further decision is taken on this trip');
    expect(merged.body).not.toContain('/merge"');
  });

  it('says why a decision cannot be taken: 400, 404 or 409, with the way back', async () => {
    const [a] = await brazil(site.store);
    const same = await decide(a!.id, 'edit', {
      status: a!.status,
      start: a!.start ?? '',
      end: a!.end ?? '',
      city: a!.city ?? '',
    });
    expect(same.statusCode).toBe(400);
    expect(same.body).toContain('Nothing to change');
    expect(same.body).toContain(`<a href="${page(a!.id)}">Back to the review of this trip</a>`);
    expect((await decide(a!.id, 'edit', { start: 'tomorrow' })).statusCode).toBe(400);
    expect((await decide(a!.id, 'split', {})).statusCode).toBe(400);
    const nowhere = await decide(a!.id, 'merge', { into: 'trip-none' });
    expect(nowhere.statusCode).toBe(404);
    expect(nowhere.body).toContain('no trip trip-none to merge');
    const rejected = (await brazil(site.store)).find((t) => t.review?.state === 'rejected')!;
    const _csrf = await formToken(site.app, analyst, page(a!.id));
    const again = await postForm(site.app, analyst, `${page(rejected.id)}/reject`, { _csrf });
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('was rejected on');
    expect((await get(page('no-such-trip'))).statusCode).toBe(404);
    expect((await postForm(site.app, analyst, `${page('no-such-trip')}/confirm`, { _csrf })).statusCode).toBe(
      404,
    );
  });

  it("escapes the HTML of a reason, and never shows the analyst's e-mail address", async () => {
    const [a] = await brazil(site.store);
    expect(
      (await decide(a!.id, 'confirm', { why: '<script>alert(1)</script> <b>bold</b>' })).statusCode,
    ).toBe(303);
    const view = await get(page(a!.id));
    expect(view.body).toContain('Why: &lt;script&gt;alert(1)&lt;/script&gt; &lt;b&gt;bold&lt;/b&gt;');
    expect(view.body).not.toContain('<script>');
    const bodies = await Promise.all(
      [
        '/review',
        '/review?state=all',
        page(a!.id),
        `/trips/${encodeURIComponent(a!.id)}`,
        '/api/v1/trips',
        '/',
      ].map(async (u) => (await get(u)).body),
    );
    const everything = bodies.join('\n').toLowerCase();
    expect(everything).toContain(`user:${userId}`);
    expect(everything).not.toContain('private.example');
    expect(everything).not.toContain('ana.lyst');
  });
});
