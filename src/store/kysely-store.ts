/**
 * @module store/kysely-store
 * The Store interface over any Kysely database: the queries are portable, so the dialect (SQLite
 * or PostgreSQL) is chosen only where the connection is opened.
 */
import { countArticles, getArticle, listArticles } from './article-list.js';
import { saveArticle } from './articles.js';
import { commentRepository } from './comments.js';
import type { StoreContext } from './context.js';
import { itemsInState, listSources, recordFetch, upsertItem, upsertSource } from './ingest-log.js';
import { dumpRows, loadRows } from './dump.js';
import { schemaVersion } from './migrate.js';
import { publicVersion, seenByPublic } from './public-version.js';
import {
  addWebhook,
  dueDeliveries,
  listAlerts,
  listDeliveries,
  listWebhooks,
  raiseAlerts,
  recordAttempt,
  removeWebhook,
} from './record-alerts.js';
import { addReview, auditOf, reviewsAbout } from './record-reviews.js';
import { claimsAbout, markRecorded, saveEvents, unrecordedArticles } from './record-events.js';
import { getTrip, listTrips, pageTrips, replaceTrips } from './record-trips.js';
import type { Store } from './types.js';
import {
  addUser,
  createSession,
  deleteSession,
  findSession,
  getUser,
  recordLoginFailure,
  resetLoginFailures,
} from './users.js';

export function kyselyStore(ctx: StoreContext, onClose: () => Promise<void> = () => ctx.db.destroy()): Store {
  // The writes the public sees (pages, API, feeds) move the public version on (store/public-version).
  const seen = <A extends unknown[], R>(write: (...args: A) => Promise<R>) => seenByPublic(ctx, write);
  const comments = commentRepository(ctx);
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
    dumpRows: (req) => dumpRows(ctx, req),
    loadRows: seen((req) => loadRows(ctx, req)),
    unrecordedArticles: (req) => unrecordedArticles(ctx, req),
    markRecorded: (req) => markRecorded(ctx, req),
    saveEvents: (req) => saveEvents(ctx, req),
    claimsAbout: (req) => claimsAbout(ctx, req),
    replaceTrips: seen((req) => replaceTrips(ctx, req)),
    listTrips: (req) => listTrips(ctx, req),
    addReview: seen((req) => addReview(ctx, req)),
    reviewsAbout: (req) => reviewsAbout(ctx, req),
    auditOf: (req) => auditOf(ctx, req),
    getTrip: (req) => getTrip(ctx, req),
    pageTrips: (req) => pageTrips(ctx, req),
    raiseAlerts: seen((req) => raiseAlerts(ctx, req)),
    listAlerts: (req) => listAlerts(ctx, req),
    addWebhook: (req) => addWebhook(ctx, req),
    listWebhooks: (req) => listWebhooks(ctx, req),
    removeWebhook: (req) => removeWebhook(ctx, req),
    listDeliveries: (req) => listDeliveries(ctx, req),
    dueDeliveries: (req) => dueDeliveries(ctx, req),
    recordAttempt: (req) => recordAttempt(ctx, req),
    ...comments,
    // The comments' writes the public sees move its version on (their queues and purges do not).
    addComment: seen(comments.addComment),
    decideComment: seen(comments.decideComment),
    deleteComment: seen(comments.deleteComment),
    closeCorrection: seen(comments.closeCorrection),
    setPremoderation: seen(comments.setPremoderation),
    addUser: (req) => addUser(ctx, req),
    getUser: (req) => getUser(ctx, req),
    recordLoginFailure: (req) => recordLoginFailure(ctx, req),
    resetLoginFailures: (req) => resetLoginFailures(ctx, req),
    createSession: (req) => createSession(ctx, req),
    findSession: (req) => findSession(ctx, req),
    deleteSession: (req) => deleteSession(ctx, req),
    schemaVersion: () => schemaVersion(ctx.db),
    publicVersion: () => publicVersion(ctx),
    close: onClose,
  };
}
