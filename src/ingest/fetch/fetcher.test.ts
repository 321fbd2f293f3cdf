import zlib from 'node:zlib';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FetchError } from './errors.js';
import { createFetcher } from './fetcher.js';
import type { FetchPolicy } from './policy.js';
import { delay, page, redirect, startServer } from '../../testing/http-server.js';
import type { TestServer } from '../../testing/http-server.js';
import type { FetchOk, FetchResult } from './types.js';

const RU = 'Путин прибыл в Улан-Батор';
const ETAG = '"v1"';
const LAST_MODIFIED = 'Tue, 03 Sep 2024 08:00:00 GMT';
let server: TestServer;

beforeAll(async () => {
  server = await startServer({
    '/plain': page('<h1>ICC</h1>', { etag: ETAG }),
    '/a': redirect('/b', 301),
    '/b': redirect('/c', 307),
    '/c': page('end of chain'),
    '/loop1': redirect('/loop2'),
    '/loop2': redirect('/loop1'),
    '/cond': (req, res) => {
      const fresh =
        req.headers['if-none-match'] === ETAG || req.headers['if-modified-since'] === LAST_MODIFIED;
      res
        .writeHead(fresh ? 304 : 200, { etag: ETAG, 'last-modified': LAST_MODIFIED })
        .end(fresh ? undefined : 'x');
    },
    '/slow-headers': async (_req, res) => {
      await delay(2_000);
      res.end('late');
    },
    '/slow-body': async (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write('start ');
      await delay(2_000);
      res.end('late');
    },
    '/big-declared': page('x'.repeat(4096)),
    '/big-chunked': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      for (let i = 0; i < 8; i++) res.write('y'.repeat(1024));
      res.end();
    },
    '/bomb': page(zlib.gzipSync(Buffer.alloc(64 * 1024 * 1024)), { 'content-encoding': 'gzip' }),
    '/gzip': page(zlib.gzipSync(`<p>${RU}</p>`), { 'content-encoding': 'gzip' }),
    '/deflate-raw': page(zlib.deflateRawSync('raw deflate'), { 'content-encoding': 'deflate' }),
    '/br': page(zlib.brotliCompressSync('brotli'), { 'content-encoding': 'br' }),
    '/zstd': page('?', { 'content-encoding': 'zstd' }),
    '/cp1251-header': page(iconv.encode(`<p>${RU}</p>`, 'windows-1251'), {
      'content-type': 'text/html; charset=windows-1251',
    }),
    '/koi8-meta': page(
      Buffer.concat([
        Buffer.from(
          '<html><head><meta http-equiv="Content-Type" content="text/html; charset=koi8-r"></head>',
        ),
        iconv.encode(`<body>${RU}</body></html>`, 'koi8-r'),
      ]),
      { 'content-type': 'text/html' },
    ),
    '/bom': page(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(RU)]), {
      'content-type': 'text/plain',
    }),
    '/gone': (_req, res) => void res.writeHead(410).end('gone'),
    '/pdf': page(Buffer.from('%PDF-1.7'), { 'content-type': 'application/pdf' }),
  });
});
afterAll(() => server.close());

/** A fetcher allowed to reach the test server, with no pauses and no robots.txt. */
function fetcher(policy: Partial<FetchPolicy> = {}) {
  return createFetcher({
    allowPrivateAddresses: true,
    respectRobots: false,
    perHostIntervalMs: 0,
    ...policy,
  });
}

async function ok(path: string, policy: Partial<FetchPolicy> = {}): Promise<FetchOk> {
  const f = fetcher(policy);
  try {
    const res: FetchResult = await f.fetch(server.origin + path);
    if (res.kind !== 'ok') throw new Error(`expected ok, got ${res.kind}`);
    return res;
  } finally {
    await f.close();
  }
}

async function failure(path: string, policy: Partial<FetchPolicy> = {}): Promise<FetchError> {
  const f = fetcher(policy);
  const err = await f.fetch(path.includes(':') ? path : server.origin + path).then(
    () => new Error('expected a FetchError'),
    (e: unknown) => e,
  );
  await f.close();
  if (!(err instanceof FetchError)) throw err;
  return err;
}

describe('fetch: plain pages and redirects', () => {
  it('returns the page, its headers, validators and the UA it was asked with', async () => {
    const res = await ok('/plain');
    expect(res).toMatchObject({
      status: 200,
      text: '<h1>ICC</h1>',
      charset: 'utf-8',
      validators: { etag: ETAG },
    });
    expect(res.contentType).toBe('text/html; charset=utf-8');
    expect(new Date(res.fetchedAt).toISOString()).toBe(res.fetchedAt);
  });

  it('follows a 301 → 307 chain and reports the final URL', async () => {
    expect((await ok('/a')).url).toBe(`${server.origin}/c`);
  });

  it('stops a redirect loop, and a chain longer than maxRedirects', async () => {
    expect((await failure('/loop1')).code).toBe('too_many_redirects');
    expect((await failure('/a', { maxRedirects: 1 })).code).toBe('too_many_redirects');
  });

  it('refuses other schemes and bad URLs before any request', async () => {
    expect((await failure('file:///etc/passwd')).code).toBe('unsupported_scheme');
    expect((await failure('ftp://example.org/')).code).toBe('unsupported_scheme');
    expect((await failure('not a url')).code).toBe('bad_url');
  });

  it('turns 4xx/5xx into http_status with the status', async () => {
    expect(await failure('/gone')).toMatchObject({ code: 'http_status', httpStatus: 410, status: 502 });
    expect(await failure('/missing')).toMatchObject({ code: 'http_status', httpStatus: 404 });
  });
});

describe('fetch: conditional GET', () => {
  it.each([{ etag: ETAG }, { lastModified: LAST_MODIFIED }])(
    'answers not_modified for %o',
    async (validators) => {
      const f = fetcher();
      const res = await f.fetch(`${server.origin}/cond`, { validators });
      await f.close();
      expect(res).toMatchObject({
        kind: 'not_modified',
        validators: { etag: ETAG, lastModified: LAST_MODIFIED },
      });
    },
  );

  it('fetches in full when the validators are stale', async () => {
    const f = fetcher();
    const res = await f.fetch(`${server.origin}/cond`, { validators: { etag: '"v0"' } });
    await f.close();
    expect(res.kind).toBe('ok');
  });
});

describe('fetch: limits', () => {
  it.each(['/slow-headers', '/slow-body'])('times out on %s', async (path) => {
    const started = Date.now();
    expect((await failure(path, { timeoutMs: 200 })).code).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it.each(['/big-declared', '/big-chunked'])('refuses %s over maxBytes', async (path) => {
    expect((await failure(path, { maxBytes: 2048 })).code).toBe('too_large');
  });

  it('refuses a gzip bomb (64 KiB that inflates to 64 MiB) while inflating', async () => {
    const err = await failure('/bomb', { maxBytes: 1024 * 1024 * 1024 });
    expect(err.code).toBe('decompression_bomb');
  });

  it('caps the inflated size, not the transferred one', async () => {
    expect((await failure('/bomb', { maxInflateRatio: 1e9, maxBytes: 4 * 1024 * 1024 })).code).toBe(
      'too_large',
    );
  });
});

describe('fetch: content encodings and charsets', () => {
  it.each([
    ['/gzip', `<p>${RU}</p>`],
    ['/deflate-raw', 'raw deflate'],
    ['/br', 'brotli'],
  ])('decodes %s', async (path, text) => {
    expect((await ok(path)).text).toBe(text);
  });

  it('refuses a coding it did not ask for', async () => {
    expect((await failure('/zstd')).code).toBe('bad_encoding');
  });

  it.each([
    ['/cp1251-header', 'windows-1251', 'header'],
    ['/koi8-meta', 'koi8-r', 'meta'],
    ['/bom', 'utf-8', 'bom'],
  ])('decodes %s as %s (from the %s)', async (path, charset, source) => {
    const res = await ok(path);
    expect(res).toMatchObject({ charset, charsetSource: source });
    expect(res.text).toContain(RU);
  });

  it('keeps binary bodies as bytes only', async () => {
    const res = await ok('/pdf');
    expect(res).toMatchObject({ text: '', charset: 'binary', charsetSource: 'none' });
    expect(Buffer.from(res.bytes).toString()).toBe('%PDF-1.7');
  });
});
