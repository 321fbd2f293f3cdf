/**
 * @module web/comments/testing
 * For the comment and account tests: a site with one trip in its record, a log sink to read,
 * a browser-like cookie jar with the CSRF token of a form, and accounts.
 */
import { Writable } from 'node:stream';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { mergeTrips } from '../../events/index.js';
import { createLogger } from '../../log.js';
import type { Store, UserRole } from '../../store/index.js';
import { printed } from '../../testing/articles.js';
import { tripEvent } from '../../testing/claims.js';
import { testSite, type TestSite } from '../../testing/web.js';
import { hashPassword } from '../auth/passwords.js';
import type { WebDeps } from '../deps.js';

export interface CommentSite extends TestSite {
  tripId: string;
  /** Everything the server logged, as text. */
  logged(): string;
}

async function oneTrip(store: Store): Promise<string> {
  await store.saveArticle(
    printed({
      id: 'a1',
      draft: {
        url: 'https://news.example/a1',
        source: 'test',
        text: 'Putin will visit Mongolia.',
        publishedAt: '2024-08-29',
      },
      fetchedAt: '2024-09-05T08:00:00Z',
    }),
  );
  await store.saveEvents({ articleId: 'a1', events: [tripEvent({ start: '2024-09-03' })] });
  const merged = mergeTrips(await store.claimsAbout({ subjectId: 'putin-vladimir' }));
  const [trip] = await store.replaceTrips({ subjectId: 'putin-vladimir', trips: merged });
  return trip!.id;
}

export async function commentSite(over: Partial<WebDeps> = {}): Promise<CommentSite> {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  let tripId = '';
  const site = await testSite({ log: createLogger('trace', sink), ...over }, async (store) => {
    tripId = await oneTrip(store);
  });
  return { ...site, tripId, logged: () => lines.join('') };
}

/** Cookies as a browser keeps them: each response's Set-Cookie replaces the one of that name. */
export class Jar {
  readonly cookies: Record<string, string> = {};
  take(res: LightMyRequestResponse): LightMyRequestResponse {
    for (const c of res.cookies as { name: string; value: string }[]) this.cookies[c.name] = c.value;
    return res;
  }
  get header(): string {
    return Object.entries(this.cookies)
      .map(([k, v]) => `${k}=${v}`)
      .join('; ');
  }
}

/** The CSRF token of the form on the page at `url`, the jar holding its cookie. */
export async function formToken(app: FastifyInstance, jar: Jar, url: string): Promise<string> {
  const res = jar.take(await app.inject({ url, headers: { cookie: jar.header } }));
  const m = /name="_csrf" value="([^"]+)"/.exec(res.body);
  if (!m) throw new Error(`no CSRF token on ${url} (${res.statusCode})`);
  return m[1]!;
}

export async function postForm(
  app: FastifyInstance,
  jar: Jar,
  url: string,
  fields: Record<string, string>,
  remoteAddress = '127.0.0.1',
): Promise<LightMyRequestResponse> {
  return jar.take(
    await app.inject({
      method: 'POST',
      url,
      remoteAddress,
      headers: { cookie: jar.header, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams(fields).toString(),
    }),
  );
}

export async function addAccount(store: Store, email: string, password: string, role: UserRole) {
  return store.addUser({ email, role, passwordHash: await hashPassword(password) });
}

/** A jar signed in as the account. */
export async function signedIn(app: FastifyInstance, email: string, password: string): Promise<Jar> {
  const jar = new Jar();
  const _csrf = await formToken(app, jar, '/signin');
  const res = await postForm(app, jar, '/signin', { _csrf, email, password });
  if (res.statusCode !== 303) throw new Error(`sign-in failed: ${res.statusCode}`);
  return jar;
}
