import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mergeTrips } from '../../events/index.js';
import type { IsoDate } from '../../model.js';
import type { Store } from '../../store/index.js';
import { printed } from '../../testing/articles.js';
import { claim } from '../../testing/claims.js';
import { testSite, type TestSite } from '../../testing/web.js';
import { communityContext } from '../comments/context.js';
import { apiRoutes } from './index.js';
import { silentLogger } from '../../log.js';
import Fastify from 'fastify';

// Putin's trips to twelve states, each reported by one article; one to Mongolia planned, then under way.
const HOSTS = ['MN', 'CN', 'IN', 'BR', 'ZA', 'TR', 'AE', 'KZ', 'VN', 'KP', 'TJ', 'HU'];

async function fill(store: Store) {
  const claims = [];
  for (const [i, iso2] of HOSTS.entries()) {
    const id = `art-${iso2.toLowerCase()}`;
    const published = `2024-${String(i + 1).padStart(2, '0')}-10`;
    await store.saveArticle(
      printed({
        id,
        draft: {
          url: `https://news.example/${id}`,
          source: 'test',
          text: `Putin visits ${iso2}.`,
          publishedAt: published,
        },
        fetchedAt: `${published}T08:00:00Z`,
      }),
    );
    claims.push(
      claim(id, published, 'planned', {
        countryIso2: iso2,
        start: `2024-${String(i + 1).padStart(2, '0')}-20`,
      }),
    );
  }
  await store.saveArticle(
    printed({
      id: 'art-mn-2',
      draft: {
        url: 'https://news.example/art-mn-2',
        source: 'test',
        text: '=HYPERLINK("x"), he said, "landed"\nin MN.',
      },
      fetchedAt: '2024-01-20T08:00:00Z',
    }),
  );
  claims.push(claim('art-mn-2', '2024-01-20', 'under_way', { countryIso2: 'MN', city: '=cmd|"/c calc"!A1' }));
  const trips = await store.replaceTrips({ subjectId: 'putin-vladimir', trips: mergeTrips(claims) });
  // One alert per trip, raised an hour apart.
  await store.raiseAlerts({
    alerts: trips.map((t, i) => ({
      id: `${t.id}:upcoming_visit`,
      kind: 'upcoming_visit' as const,
      tripId: t.id,
      subjectId: t.subjectId,
      countryIso2: t.countryIso2,
      evidence: { articleId: t.history[0]!.articleId, published: t.history[0]!.published },
      duty: { kind: 'binding' as const, basis: [], date: t.firstReported.slice(0, 10) as IsoDate },
      createdAt: new Date(Date.UTC(2024, 0, 1, i)).toISOString(),
      articleId: t.history[0]!.articleId,
    })),
  });
}

let site: TestSite;
beforeAll(async () => {
  site = await testSite({}, fill);
});
afterAll(() => site.close());

const get = (url: string, headers: Record<string, string> = {}) =>
  site.app.inject({ method: 'GET', url, headers });
const json = async (url: string) => {
  const res = await get(url);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

interface Page {
  data: { id: string; country_iso2: string; status: string; last_changed: string }[];
  next_cursor: string | null;
}

describe('GET /api/v1/trips', () => {
  it('pages through every trip once, in the order they changed, without gaps', async () => {
    const all = (await json('/api/v1/trips?limit=500')) as Page;
    expect(all.data).toHaveLength(HOSTS.length);
    expect(all.next_cursor).toBeNull();
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = (await json(`/api/v1/trips?limit=5${cursor ? `&cursor=${cursor}` : ''}`)) as Page;
      expect(page.data.length).toBeLessThanOrEqual(5);
      seen.push(...page.data.map((t) => t.id));
      cursor = page.next_cursor;
    } while (cursor);
    expect(seen).toEqual(all.data.map((t) => t.id));
    expect(new Set(seen).size).toBe(HOSTS.length);
  });

  it('filters by subject, country (either case), status and updated_since', async () => {
    const mn = (await json('/api/v1/trips?country=mn')) as Page;
    expect(mn.data.map((t) => t.country_iso2)).toEqual(['MN']);
    expect(mn.data[0]!.status).toBe('under_way');
    expect(((await json('/api/v1/trips?status=under_way')) as Page).data.map((t) => t.country_iso2)).toEqual([
      'MN',
    ]);
    expect(((await json('/api/v1/trips?subject=al-bashir-omar')) as Page).data).toEqual([]);
    expect(((await json('/api/v1/trips?subject=putin-vladimir')) as Page).data).toHaveLength(HOSTS.length);
    const changed = mn.data[0]!.last_changed;
    expect(((await json(`/api/v1/trips?updated_since=${changed}`)) as Page).data.length).toBeGreaterThan(0);
    expect(((await json('/api/v1/trips?updated_since=2999-01-01T00:00:00Z')) as Page).data).toEqual([]);
  });

  it('shows one trip with its history, evidence and times, and 404 for an unknown id', async () => {
    const [first] = ((await json('/api/v1/trips?country=MN')) as Page).data;
    const trip = await json(`/api/v1/trips/${first!.id}`);
    expect(trip.history.map((h: { status: string }) => h.status)).toEqual(['planned', 'under_way']);
    expect(trip.evidence.map((e: { article_id: string }) => e.article_id)).toEqual(['art-mn', 'art-mn-2']);
    expect(trip).toMatchObject({ subject_id: 'putin-vladimir', first_added: expect.any(String) });
    expect(trip.last_checked >= trip.last_changed).toBe(true);
    const res = await get('/api/v1/trips/no-such-trip');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({
      error: { code: 'not_found', message: expect.stringContaining('no-such-trip'), status: 404 },
    });
  });
});

describe('malformed and hostile input', () => {
  const INJECTIONS = [
    "' OR 1=1 --",
    "MN'; DROP TABLE trips; --",
    '1; SELECT * FROM webhooks',
    '%00',
    '<script>',
  ];

  it.each(['subject', 'country', 'status', 'updated_since', 'cursor'])(
    'answers 400 invalid_request naming %s for injection strings, and the record is intact',
    async (field) => {
      for (const bad of INJECTIONS) {
        const res = await get(`/api/v1/trips?${field}=${encodeURIComponent(bad)}`);
        expect(res.statusCode, `${field}=${bad}`).toBe(400);
        const body = res.json();
        expect(body.error).toMatchObject({ code: 'invalid_request', status: 400 });
        expect(body.error.message).toContain(field);
      }
      expect(((await json('/api/v1/trips')) as Page).data).toHaveLength(HOSTS.length);
    },
  );

  it('treats an injection string in a path as an id it does not know, or rejects it', async () => {
    for (const bad of ["x' OR '1'='1", 'x;DROP TABLE trips']) {
      const res = await get(`/api/v1/trips/${encodeURIComponent(bad)}`);
      expect([400, 404]).toContain(res.statusCode);
      expect(res.json().error.status).toBe(res.statusCode);
    }
    expect(((await json('/api/v1/trips')) as Page).data).toHaveLength(HOSTS.length);
  });

  it.each([
    ['limit=0', 'limit'],
    ['limit=501', 'limit'],
    ['limit=ten', 'limit'],
    ['limit=1.5', 'limit'],
    [`subject=${'a'.repeat(5000)}`, 'subject'],
    [`cursor=${'a'.repeat(600)}`, 'cursor'],
    ['status=arrived', 'status'],
    ['updated_since=yesterday', 'updated_since'],
    ['country=MNG', 'country'],
    ['subject=a&subject=b', 'subject'],
  ])('answers 400 for %s, naming the field', async (query, field) => {
    const res = await get(`/api/v1/trips?${query}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('invalid_request');
    expect(res.json().error.message).toContain(field);
  });

  it('answers 400 for a well-formed cursor of another listing', async () => {
    const res = await get(`/api/v1/alerts?cursor=${Buffer.from('["a","b"]').toString('base64url')}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('invalid_request');
  });
});

describe('conditional GET', () => {
  it('gives an ETag and Cache-Control, and 304 with no body when the client has it', async () => {
    const first = await get('/api/v1/trips');
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers['cache-control']).toContain('max-age');
    const again = await get('/api/v1/trips', { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    const other = await get('/api/v1/trips?country=MN', { 'if-none-match': etag });
    expect(other.statusCode).toBe(200);
    expect(other.headers.etag).not.toBe(etag);
    expect((await get('/api/v1/people', { 'if-none-match': `W/"x", ${etag}` })).statusCode).toBe(200);
  });
});

describe('GET /api/v1/alerts', () => {
  it('pages forward through every alert once, and filters by since', async () => {
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const page = await json(`/api/v1/alerts?limit=5${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.data.map((a: { seq: number }) => a.seq));
      cursor = page.next_cursor;
    } while (cursor);
    expect(seen).toEqual(HOSTS.map((_, i) => i + 1));
    const late = await json('/api/v1/alerts?since=2024-01-01T10:00:00Z');
    expect(late.data.map((a: { seq: number }) => a.seq)).toEqual([11, 12]);
    expect(late.data[0]).toMatchObject({
      kind: 'upcoming_visit',
      first_added: '2024-01-01T10:00:00.000Z',
      last_checked: null,
    });
  });
});

describe('the registry and the law', () => {
  it('lists the wanted persons and shows one with warrants and the states bound today', async () => {
    const people = await json('/api/v1/people');
    expect(people.data.length).toBe(site.registry.subjects.size);
    const putin = await json('/api/v1/people/putin-vladimir');
    expect(putin).toMatchObject({ wanted: true, first_added: null });
    expect(putin.warrants.map((w: { status: string }) => w.status)).toContain('at_large');
    expect(putin.bound_states).toContain('MN');
    expect((await get('/api/v1/people/nobody-at-all')).statusCode).toBe(404);
  });

  it('shows a state with its membership and duties, and 404 for a code that is no country', async () => {
    const mn = await json('/api/v1/countries/mn');
    expect(mn.membership.status).toBe('party');
    expect(mn.duties.map((d: { subject_id: string }) => d.subject_id)).toContain('putin-vladimir');
    const ru = await json('/api/v1/countries/RU');
    expect(ru.duties).toEqual([]);
    expect((await json('/api/v1/countries')).data.length).toBe(site.registry.countryByIso2.size);
    expect((await get('/api/v1/countries/QQ')).json().error).toMatchObject({
      code: 'not_found',
      status: 404,
    });
  });

  it("answers the law engine's duty on a date", async () => {
    const duty = await json('/api/v1/duty?subject=putin-vladimir&country=MN&date=2024-09-03');
    expect(duty).toMatchObject({ kind: 'binding', date: '2024-09-03', country_iso2: 'MN' });
    expect(duty.basis[0].provisions.length).toBeGreaterThan(0);
    // Before the warrant was issued, no duty.
    expect((await json('/api/v1/duty?subject=putin-vladimir&country=MN&date=2022-01-01')).kind).toBe('none');
    const bad = await get('/api/v1/duty?subject=putin-vladimir&country=MN&date=2024-13-45');
    expect(bad.json().error).toMatchObject({
      code: 'invalid_request',
      message: expect.stringContaining('date'),
    });
    expect((await get('/api/v1/duty?country=MN')).json().error.message).toContain('subject');
  });

  it('gives the ledger of a state and of a person, and 404 for neither', async () => {
    const mn = await json('/api/v1/ledger/MN');
    expect(mn.entries.map((e: { trip: { country_iso2: string } }) => e.trip.country_iso2)).toEqual(['MN']);
    expect(mn.entries[0]).toMatchObject({
      verdict: expect.any(String),
      trip: { first_added: expect.any(String) },
    });
    expect(mn.findings.length).toBeGreaterThan(0);
    const putin = await json('/api/v1/ledger/putin-vladimir');
    expect(putin.entries).toHaveLength(HOSTS.length);
    expect((await get('/api/v1/ledger/ZZ')).statusCode).toBe(404);
    expect((await get('/api/v1/ledger/nobody-at-all')).statusCode).toBe(404);
  });
});

describe('exports', () => {
  it('writes the filtered trips as CSV, the formula of a city made inert', async () => {
    const res = await get('/api/v1/trips.csv?country=MN');
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers.etag).toBeDefined();
    const lines = res.body.split('\r\n').filter(Boolean);
    expect(lines[0]!.split(',')).toContain('last_changed');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`"'=cmd|""/c calc""!A1"`);
    expect(lines[1]).toContain('https://news.example/art-mn https://news.example/art-mn-2');
    expect((await get('/api/v1/trips.csv')).body.split('\r\n').filter(Boolean)).toHaveLength(
      HOSTS.length + 1,
    );
  });

  it('writes JSON lines in the API shape, and GeoJSON Points at the host country', async () => {
    const lines = (await get('/api/v1/trips.jsonl?status=planned')).body.trim().split('\n');
    expect(lines).toHaveLength(HOSTS.length - 1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ status: 'planned', first_added: expect.any(String) });
    const geo = (await get('/api/v1/trips.geojson?country=MN')).json();
    expect(geo.type).toBe('FeatureCollection');
    const [lat, lng] = site.registry.countryByIso2.get('MN')!.latlng;
    expect(geo.features).toEqual([
      expect.objectContaining({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [lng, lat] },
        properties: expect.objectContaining({ country_iso2: 'MN', located_by: 'country' }),
      }),
    ]);
    expect((await get('/api/v1/trips.geojson?country=M1')).statusCode).toBe(400);
  });

  it('writes FollowTheMoney entities: Person, Sanction with the Court as authority, Event for trips', async () => {
    const entities = (await get('/api/v1/ftm.jsonl')).body
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: string; schema: string; properties: Record<string, string[]> });
    const ids = new Set(entities.map((e) => e.id));
    expect(ids.size).toBe(entities.length);
    const bySchema = (schema: string) => entities.filter((e) => e.schema === schema);
    expect(bySchema('Person')).toHaveLength(site.registry.subjects.size);
    expect(bySchema('Sanction')).toHaveLength(site.registry.warrants.length);
    expect(bySchema('Event')).toHaveLength(HOSTS.length);
    for (const e of entities)
      for (const v of Object.values(e.properties)) expect(v.length).toBeGreaterThan(0);
    const sanction = bySchema('Sanction').find((e) => e.id.endsWith('putin-vladimir-2023'))!;
    expect(sanction.properties.authority).toEqual(['International Criminal Court']);
    expect(ids.has(sanction.properties.entity![0]!)).toBe(true);
    const mn = bySchema('Event').find((e) => e.properties.country?.[0] === 'mn')!;
    expect(ids.has(mn.properties.involved![0]!)).toBe(true);
    expect(mn.properties.name![0]).toContain('Mongolia');
    expect(mn.properties.sourceUrl).toEqual(['https://news.example/art-mn', 'https://news.example/art-mn-2']);
  });
});

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1 in shape and names every route of the API', async () => {
    // The routes as the plugin adds them, collected on a server of its own.
    const app = Fastify({ loggerInstance: silentLogger as never });
    const routes: string[] = [];
    app.addHook('onRoute', (r) => {
      for (const method of [r.method].flat())
        if (method !== 'HEAD' && !r.url.endsWith('/openapi.json')) routes.push(`${method} ${r.url}`);
    });
    const deps = {
      store: site.store,
      registry: site.registry,
      now: () => new Date('2026-12-04T12:00:00Z'),
      log: silentLogger,
      publicUrl: 'http://localhost:8080',
      feedsDir: '/nonexistent',
      review: () => Promise.reject(new Error('the API takes no decisions')),
    };
    await app.register(apiRoutes, { prefix: '/api/v1', deps, community: await communityContext(deps) });
    await app.ready();
    await app.close();
    const doc = await json('/api/v1/openapi.json');
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    expect(doc.info).toMatchObject({ title: expect.any(String), version: expect.any(String) });
    expect(doc.components.schemas).toHaveProperty('StoredTrip');
    // Every reference points at a schema the document has.
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map(
      (m) => m[1]!,
    );
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) expect(doc.components.schemas, ref).toHaveProperty([ref]);
    const operations = Object.entries(
      doc.paths as Record<string, Record<string, { responses: object }>>,
    ).flatMap(([path, item]) => Object.entries(item).map(([method, op]) => ({ path, method, op })));
    const documented = operations.map(
      (o) => `${o.method.toUpperCase()} ${o.path.replace(/\{(\w+)\}/g, ':$1')}`,
    );
    expect(routes.length).toBeGreaterThan(10);
    expect(documented.sort()).toEqual([...new Set(routes)].sort());
    expect(documented).toEqual(
      expect.arrayContaining(['POST /api/v1/comments', 'DELETE /api/v1/comments/:id']),
    );
    for (const { path, op } of operations) {
      expect(op.responses, path).toBeTypeOf('object');
      for (const name of path.match(/\{(\w+)\}/g) ?? [])
        expect(JSON.stringify(op), path).toContain(`"name":"${name.slice(1, -1)}"`);
    }
    const post = doc.paths['/api/v1/comments'].post.requestBody.content['application/json'].schema;
    expect(JSON.stringify(post)).toContain('"email"');
    const limit = (
      doc.paths['/api/v1/trips'].get.parameters as { name: string; schema: { maximum: number } }[]
    ).find((p) => p.name === 'limit');
    expect(limit!.schema.maximum).toBe(500);
    expect(Object.keys(doc.paths['/api/v1/trips.csv'].get.responses['200'].content)).toEqual(['text/csv']);
    expect(Object.keys(doc.paths['/api/v1/trips.csv'].get.responses['400'].content)).toEqual([
      'application/json',
    ]);
  });
});

describe('a failure inside', () => {
  it('answers 500 in the one error shape, saying nothing of the cause', async () => {
    const failing = {
      ...site.store,
      pageTrips: () => Promise.reject(new Error('SQLITE_CORRUPT: secret detail')),
    };
    const broken = await testSite({ store: failing });
    try {
      const res = await broken.app.inject({ method: 'GET', url: '/api/v1/trips' });
      expect(res.statusCode).toBe(500);
      expect(res.json()).toEqual({ error: { code: 'internal', message: expect.any(String), status: 500 } });
      expect(res.body).not.toContain('secret');
      expect(res.headers.etag).toBeUndefined();
    } finally {
      await broken.close();
    }
  });
});
