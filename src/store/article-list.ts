/**
 * @module store/article-list
 * Reading stored articles: one by id, pages in fetch order with a keyset cursor, and counts.
 */
import type { Article } from '../model.js';
import type { StoreContext } from './context.js';
import { isoTime } from './context.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { StoreError } from './errors.js';
import { toArticle } from './rows.js';
import type { ArticlePage, ListArticlesRequest } from './types.js';

export async function getArticle(ctx: StoreContext, req: { id: string }): Promise<Article | undefined> {
  const row = await ctx.db.selectFrom('articles').selectAll().where('id', '=', req.id).executeTakeFirst();
  return row && toArticle(row);
}

export async function listArticles(ctx: StoreContext, req: ListArticlesRequest): Promise<ArticlePage> {
  if (!Number.isInteger(req.limit) || req.limit < 1 || req.limit > 1000) {
    throw new StoreError('invalid_request', `limit must be an integer from 1 to 1000, not ${req.limit}`);
  }
  let q = ctx.db
    .selectFrom('articles')
    .selectAll()
    .orderBy('fetched_at')
    .orderBy('id')
    .limit(req.limit + 1);
  if (req.since) q = q.where('fetched_at', '>=', isoTime(req.since, 'since'));
  if (req.cursor) {
    const c = decodeCursor(req.cursor);
    q = q.where((eb) =>
      eb.or([
        eb('fetched_at', '>', c.fetchedAt),
        eb.and([eb('fetched_at', '=', c.fetchedAt), eb('id', '>', c.id)]),
      ]),
    );
  }
  const rows = await q.execute();
  const page = rows.slice(0, req.limit).map(toArticle);
  const last = page[page.length - 1];
  return rows.length > req.limit && last
    ? { articles: page, nextCursor: encodeCursor(last) }
    : { articles: page };
}

export async function countArticles(ctx: StoreContext, req: { since?: string }): Promise<number> {
  let q = ctx.db.selectFrom('articles').select((eb) => eb.fn.countAll().as('n'));
  if (req.since) q = q.where('fetched_at', '>=', isoTime(req.since, 'since'));
  const r = await q.executeTakeFirstOrThrow();
  return Number(r.n); // PostgreSQL returns count(*) as a string
}
