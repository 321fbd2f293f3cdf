/**
 * @module store/kysely-store
 * The Store interface over any Kysely database: the queries are portable, so the dialect (SQLite
 * today, PostgreSQL later) is chosen only where the connection is opened.
 */
import { countArticles, getArticle, listArticles } from './article-list.js';
import { saveArticle } from './articles.js';
import type { StoreContext } from './context.js';
import { itemsInState, listSources, recordFetch, upsertItem, upsertSource } from './ingest-log.js';
import { schemaVersion } from './migrate.js';
import type { Store } from './types.js';

export function kyselyStore(ctx: StoreContext, onClose: () => Promise<void> = () => ctx.db.destroy()): Store {
  return {
    upsertSource: (req) => upsertSource(ctx, req),
    listSources: (req) => listSources(ctx, req),
    recordFetch: (req) => recordFetch(ctx, req),
    upsertItem: (req) => upsertItem(ctx, req),
    itemsInState: (req) => itemsInState(ctx, req),
    saveArticle: (req) => saveArticle(ctx, req),
    getArticle: (req) => getArticle(ctx, req),
    listArticles: (req) => listArticles(ctx, req),
    countArticles: (req) => countArticles(ctx, req),
    schemaVersion: () => schemaVersion(ctx.db),
    close: onClose,
  };
}
