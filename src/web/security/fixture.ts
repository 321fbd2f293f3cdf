/**
 * @module web/security/fixture
 * The site the security suite attacks, and the suite's view of it. The routes are read from the
 * running app (`printRoutes`), never listed by hand, so a route added later is attacked too; the
 * values of path parameters are found by trying the record's own ids; the query parameters of a
 * route are those the OpenAPI document names, those of the forms and links that point at it, and
 * a vocabulary of every filter name the site uses. The record holds several trips (so that a
 * filter that leaked would show more rows than it should) and one trip whose evidence is an
 * article of markup and script.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { alertFeeds } from '../../alerts/index.js';
import { mergeTrips } from '../../events/index.js';
import { DUMP_TABLES, isDumpTable, type Store } from '../../store/index.js';
import { printed } from '../../testing/articles.js';
import { tripEvent } from '../../testing/claims.js';
import type { Jar } from '../comments/testing.js';
import { addAccount, commentSite, signedIn, type CommentSite } from '../comments/testing.js';

export interface Route {
  method: string;
  /** As registered: /trips/:id/comments. */
  path: string;
}

export interface SecuritySite extends CommentSite {
  /** The trip whose evidence is an article written in markup and script. */
  evilTripId: string;
  moderator: Jar;
  /** A published comment, and the signature of its delete link. */
  commentId: string;
  deleteSig: string;
  routes: Route[];
  /** `path` with each `:param` replaced by a value of the record that the route answers. */
  fill(path: string): string;
  /** One request from a client address of its own, so that rate limits are not what a test meets. */
  send(req: {
    method?: string;
    url: string;
    headers?: Record<string, string>;
    payload?: string;
  }): Promise<LightMyRequestResponse>;
}

/** The filter and parameter names the site uses anywhere, tried on every route. */
export const VOCABULARY = [
  'subject',
  'country',
  'status',
  'date',
  'since',
  'updated_since',
  'cursor',
  'limit',
  'q',
  'map',
  'on',
  'format',
  'target',
  'reply',
  'sig',
  'next',
  'id',
];

/** A route's parameters: named ones and a wildcard. */
const PARAM = /:\w+|\*/;
const PARAMS = new RegExp(PARAM, 'g');

/** The markup an article of the evil trip is made of. */
export const EVIL_TEXT =
  '<script>alert("article")</script><img src=x onerror=alert(1)> Netanyahu will visit Hungary.';

/** The routes of the radix tree `printRoutes()` draws, one per method: a route's path is its
 * node's segments from the root joined (the tree without common prefixes drops the prefix of a
 * wildcard, /static/*). */
export function routesOf(app: FastifyInstance): Route[] {
  const out: Route[] = [];
  const stack: string[] = [];
  for (const line of app.printRoutes().split('\n')) {
    const m = /^([│ ├└─]*)(\S+)(?: \(([A-Z, ]+)\))?$/.exec(line.trimEnd());
    if (!m) continue;
    const depth = m[1]!.length / 4 - 1;
    stack.length = depth;
    stack.push(m[2]!);
    const path = stack.join('');
    for (const method of m[3]?.split(', ') ?? []) if (method !== 'HEAD') out.push({ method, path });
  }
  return out;
}

async function addTrip(
  store: Store,
  article: { id: string; url: string; text: string },
  event: Parameters<typeof tripEvent>[0],
) {
  await store.saveArticle(
    printed({
      id: article.id,
      draft: { url: article.url, source: 'test', text: article.text, publishedAt: '2025-03-01' },
      fetchedAt: '2025-03-02T08:00:00Z',
    }),
  );
  await store.saveEvents({ articleId: article.id, events: [tripEvent(event)] });
  const subjectId = event?.subjectId ?? 'putin-vladimir';
  const [trip] = await store.replaceTrips({
    subjectId,
    trips: mergeTrips(await store.claimsAbout({ subjectId })),
  });
  return trip!.id;
}

/** Rows of every table of the record, the webhooks, and the comments in each state: what an attack
 * must not change. */
export async function tableCounts(store: Store): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of Object.keys(DUMP_TABLES).filter(isDumpTable))
    counts[table] = (await store.dumpRows({ table, offset: 0, limit: 100_000 })).length;
  counts.webhooks = (await store.listWebhooks({})).length;
  for (const state of ['published', 'pending', 'rejected', 'deleted'] as const)
    counts[`comments:${state}`] = (await store.listComments({ state, limit: 100_000 })).length;
  return counts;
}

export async function securitySite(): Promise<SecuritySite> {
  // A person's feed as the alerts stage writes it, so that the feed routes have one to serve.
  const feedsDir = mkdtempSync(join(tmpdir(), 'ww-security-'));
  mkdirSync(join(feedsDir, 'alerts', 'subject'), { recursive: true });
  const doc = alertFeeds([], { subject: (id) => id, country: (c) => c }, 'http://localhost:8080')[0]!;
  writeFileSync(join(feedsDir, 'alerts', 'subject', 'putin-vladimir.atom'), doc.atom);
  writeFileSync(join(feedsDir, 'alerts', 'subject', 'putin-vladimir.json'), doc.json);
  const site = await commentSite({ feedsDir });
  const { store, app } = site;
  const evilTripId = await addTrip(
    store,
    { id: 'evil', url: 'javascript:alert(document.cookie)', text: EVIL_TEXT },
    {
      subjectId: 'netanyahu-benjamin',
      countryIso2: 'HU',
      start: '2025-04-03',
      evidence: [{ start: 0, end: EVIL_TEXT.length, text: EVIL_TEXT }],
    },
  );
  await addTrip(
    store,
    { id: 'za', url: 'https://news.example/za', text: 'Al-Bashir will visit South Africa.' },
    { subjectId: 'al-bashir-omar', countryIso2: 'ZA', start: '2025-06-13' },
  );
  await addAccount(store, 'mod@example.org', 'moderator password 1', 'moderator');
  const moderator = await signedIn(app, 'mod@example.org', 'moderator password 1');
  let client = 0;
  const send: SecuritySite['send'] = (req) => {
    client++;
    return app.inject({
      method: 'GET',
      ...req,
      remoteAddress: `10.${(client >> 16) & 255}.${(client >> 8) & 255}.${client & 255}`,
    } as never);
  };
  // A comment, so that comment routes have an id to answer for.
  const posted = await send({
    method: 'POST',
    url: '/api/v1/comments',
    headers: { 'content-type': 'application/json' },
    payload: JSON.stringify({
      target: `trip:${site.tripId}`,
      name: 'First',
      email: 'first@example.org',
      body: 'A first comment.',
    }),
  });
  const { comment, delete_url } = posted.json() as { comment: { id: string }; delete_url: string };
  const commentId = comment.id;
  const deleteSig = new URL(delete_url).searchParams.get('sig')!;
  await store.decideComment({ id: commentId, decision: 'approve', by: 'test' });

  const routes = routesOf(app);
  const candidates = [
    site.tripId,
    evilTripId,
    'putin-vladimir',
    'MN',
    commentId,
    'atom',
    'subject',
    'putin-vladimir.atom',
    'style.css',
  ];
  const chosen = new Map<string, string>();
  for (const { path } of routes.filter((r) => r.method === 'GET' && PARAM.test(r.path))) {
    const names = [...path.matchAll(PARAMS)].map((m) => m[0]);
    let best: string | undefined;
    // Every assignment of the candidates to the parameters, the first the route answers wins.
    const tries = names.reduce<string[][]>(
      (acc) => acc.flatMap((a) => candidates.map((c) => [...a, c])),
      [[]],
    );
    for (const values of tries) {
      let i = 0;
      const url = path.replace(PARAMS, () => encodeURIComponent(values[i++]!));
      if ((await send({ url, headers: { cookie: moderator.header } })).statusCode < 300) {
        best = url;
        break;
      }
    }
    if (best) chosen.set(path, best);
  }
  // A route no value opens (a POST, a link that needs its signature): an :id is the comment's.
  const fill = (path: string) =>
    chosen.get(path) ??
    path.replace(PARAMS, (p) => (p === ':id' && !path.startsWith('/trips/') ? commentId : site.tripId));
  const close = async () => {
    await site.close();
    rmSync(feedsDir, { recursive: true, force: true });
  };
  return { ...site, close, evilTripId, moderator, commentId, deleteSig, routes, fill, send };
}

/** The items an answer lists: its top-level arrays' lengths (JSON), its lines (JSON lines, CSV), or
 * the trips it links to (HTML). What a filter that leaked would make larger. */
export function rowsOf(res: LightMyRequestResponse): number {
  const type = String(res.headers['content-type'] ?? '');
  if (type.includes('html')) return new Set(res.body.match(/href="\/trips\/[^"/?#]+"/g) ?? []).size;
  if (type.includes('jsonl') || type.includes('csv')) return res.body.split('\n').filter(Boolean).length;
  if (type.includes('json')) {
    const v = res.json() as Record<string, unknown>;
    return Object.values(v).reduce<number>((n, x) => n + (Array.isArray(x) ? x.length : 0), 0);
  }
  return res.body.length ? 1 : 0;
}

/** The query parameters a page or the API offers for `path`: the OpenAPI document's, and those of
 * the forms that submit to it and the links that point at it on the pages given. */
export function offeredParams(openapi: unknown, pages: readonly string[], path: string): string[] {
  const names = new Set<string>();
  const doc = openapi as {
    paths?: Record<string, Record<string, { parameters?: { in: string; name: string }[] }>>;
  };
  const docPath = path.replace(/^\/api\/v1/, '').replace(/:(\w+)/g, '{$1}');
  for (const op of Object.values(doc.paths?.[docPath] ?? doc.paths?.[path.replace(/:(\w+)/g, '{$1}')] ?? {}))
    for (const p of op.parameters ?? []) if (p.in === 'query') names.add(p.name);
  for (const body of pages) {
    for (const form of body.matchAll(/<form[^>]*method="get"[^>]*action="([^"]*)"[^>]*>([\s\S]*?)<\/form>/gi))
      if (samePath(form[1]!, path))
        for (const input of form[2]!.matchAll(/name="([^"]+)"/g)) names.add(input[1]!);
    for (const link of body.matchAll(/href="([^"#]*\?[^"#]*)/g)) {
      const url = new URL(link[1]!.replace(/&amp;/g, '&'), 'http://site');
      if (samePath(url.pathname, path)) for (const k of url.searchParams.keys()) names.add(k);
    }
  }
  return [...names];
}

const samePath = (concrete: string, pattern: string) =>
  new RegExp(`^${pattern.replace(/[.]/g, '\\.').replace(/:\w+/g, '[^/]+')}$`).test(concrete);
