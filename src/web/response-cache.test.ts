import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../log.js';
import { loadRegistry } from '../registry/index.js';
import { openStore, type Store } from '../store/index.js';
import { fillRecord, type Filled } from './pages/fixture.js';
import { encodingFor } from './response-cache.js';
import { buildServer } from './server.js';

// A site over a file, so that a second process's store (another connection) can write to it.
let dir: string;
let store: Store;
let other: Store;
let app: FastifyInstance;
let filled: Filled;
const reads = { listTrips: 0 };
const registry = loadRegistry();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ww-kept-'));
  const url = `sqlite:${join(dir, 'ww.db')}`;
  store = await openStore({ url, migrate: true });
  filled = await fillRecord(store, registry);
  other = await openStore({ url });
  // Counts the record's reads of the pages, to see which requests rendered.
  const counted: Store = {
    ...store,
    listTrips: (req) => (reads.listTrips++, store.listTrips(req)),
  };
  app = await buildServer({
    store: counted,
    registry,
    now: () => new Date('2026-12-04T12:00:00Z'),
    log: silentLogger,
    publicUrl: 'http://localhost:8080',
    feedsDir: join(dir, 'feeds'),
    review: () => Promise.reject(new Error('no review in this test')),
  });
});
afterAll(async () => {
  await app.close();
  await store.close();
  await other.close();
  rmSync(dir, { recursive: true, force: true });
});

const person = '/people/putin-vladimir';

describe('the answers kept while the record is unchanged', () => {
  it('renders a page once for readers asking at the same moment, and once more for none after', async () => {
    const before = reads.listTrips;
    const all = await Promise.all(Array.from({ length: 20 }, () => app.inject(person)));
    expect(new Set(all.map((r) => r.statusCode))).toEqual(new Set([200]));
    expect(new Set(all.map((r) => r.body)).size).toBe(1);
    await app.inject(person);
    expect(reads.listTrips - before).toBe(1);
  });

  it('tags a kept page, and answers 304 to a reader who has it', async () => {
    const first = await app.inject(person);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[\w-]{32}"$/);
    const again = await app.inject({ url: person, headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect(again.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it('shows a write by another process at the next request', async () => {
    const before = await app.inject('/');
    expect(before.body).not.toContain('Vladimir Putin has arrived in Mongolia');
    const [trip] = await other.replaceTrips({
      subjectId: 'putin-vladimir',
      trips: [{ ...filled.planned, status: 'under_way' }],
    });
    await other.raiseAlerts({
      alerts: [
        {
          id: `${trip!.id}:arrival`,
          kind: 'arrival',
          tripId: trip!.id,
          subjectId: 'putin-vladimir',
          countryIso2: 'MN',
          evidence: { articleId: 'a2', published: '2026-12-02' },
          duty: { kind: 'binding', basis: [], date: '2026-12-04' as never },
          createdAt: '2026-12-04T11:00:00.000Z',
          articleId: 'a2',
        },
      ],
    });
    const after = await app.inject('/');
    expect(after.body).not.toBe(before.body);
    expect(after.headers.etag).not.toBe(before.headers.etag);
    expect(after.body).toContain('Vladimir Putin has arrived in Mongolia');
  });

  it('keeps the trip page without its comments: each visitor gets his own form token, and a new comment shows', async () => {
    const path = `/trips/${encodeURIComponent(filled.planned.id)}`;
    const token = (body: string) => /name="_csrf" value="([^"]+)"/.exec(body)?.[1];
    const [a, b] = [await app.inject(path), await app.inject(path)];
    expect(token(a.body)).toBeTruthy();
    expect(token(a.body)).not.toBe(token(b.body));
    expect(a.headers.etag).toBeUndefined(); // its answer is the visitor's own: not a kept one
    const comment = await other.addComment({
      target: `trip:${filled.planned.id}`,
      kind: 'comment',
      name: 'A reader of the kept page',
      emailKey: 'k',
      body: 'Seen at the airport.',
      state: 'published',
      createdAt: '2026-12-04T11:30:00Z',
    });
    const c = await app.inject(path);
    expect(c.body).toContain('A reader of the kept page');
    expect(c.body).toContain(comment.id);
    // Compressed for each reader who accepts it, since it is his own.
    const br = await app.inject({ url: path, headers: { 'accept-encoding': 'br' } });
    expect(br.headers['content-encoding']).toBe('br');
    const text = brotliDecompressSync(br.rawPayload).toString();
    expect(text.replace(/value="[^"]+"/g, '')).toBe(c.body.replace(/value="[^"]+"/g, ''));
  });

  it('keeps no error: a trip that is not there yet is found once it is', async () => {
    expect((await app.inject('/api/v1/trips?status=nonsense')).statusCode).toBe(400);
    expect((await app.inject('/trips/not-yet')).statusCode).toBe(404);
    expect((await app.inject('/people/nobody')).statusCode).toBe(404);
    expect((await app.inject(person)).statusCode).toBe(200);
  });
});

describe('the encodings of a kept answer', () => {
  it('sends the encoding the reader accepts, brotli before gzip, each with its own tag', async () => {
    const plain = await app.inject(person);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toBe('accept-encoding');
    const br = await app.inject({ url: person, headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(plain.body);
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 4);
    const gz = await app.inject({ url: person, headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(plain.body);
    expect(new Set([plain.headers.etag, br.headers.etag, gz.headers.etag]).size).toBe(3);
    const again = await app.inject({
      url: person,
      headers: { 'accept-encoding': 'br', 'if-none-match': br.headers.etag as string },
    });
    expect(again.statusCode).toBe(304);
    const other = await app.inject({
      url: person,
      headers: { 'accept-encoding': 'gzip', 'if-none-match': br.headers.etag as string },
    });
    expect(other.statusCode).toBe(200);
  });

  it('reads Accept-Encoding as browsers and proxies write it', () => {
    expect(encodingFor(undefined)).toBe('identity');
    expect(encodingFor('')).toBe('identity');
    expect(encodingFor('gzip, deflate, br, zstd')).toBe('br');
    expect(encodingFor('gzip;q=1.0, br;q=0')).toBe('gzip');
    expect(encodingFor('BR')).toBe('br');
    expect(encodingFor('*')).toBe('br');
    expect(encodingFor('br;q=0, *')).toBe('gzip');
    expect(encodingFor('identity')).toBe('identity');
    expect(encodingFor('gzip;q=0, deflate')).toBe('identity');
  });
});
