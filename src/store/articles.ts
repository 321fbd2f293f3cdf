/**
 * @module store/articles
 * Saving an article with its duplicate checks and cluster assignment in one transaction, and
 * reading articles back.
 */
import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import { z } from 'zod';
import { SIMHASH_BANDS } from '../ingest/dedup/index.js';
import { nearestNeighbour, isEarlier } from './clusters.js';
import type { StoreContext } from './context.js';
import { isoTime } from './context.js';
import { isUniqueViolation, StoreError } from './errors.js';
import { storedPublished } from './published.js';
import { toArticle } from './rows.js';
import type { ArticlesTable, DB } from './schema.js';
import { BAND_COLUMNS } from './schema.js';
import type { SaveArticleRequest, SaveArticleResult } from './types.js';

/**
 * Saves a draft unless it is a copy (the same normalised text); a new text at a known URL or
 * canonical URL is saved as a new version in the cluster of the one before, and a near copy into
 * the cluster of its nearest neighbour. Saving the same draft twice gives one
 * article. If another writer inserts the same text between our check and our insert, the unique
 * content_hash refuses ours and one retry reports the duplicate.
 */
export async function saveArticle(ctx: StoreContext, req: SaveArticleRequest): Promise<SaveArticleResult> {
  const row = articleRow(ctx, req);
  try {
    return await ctx.db.transaction().execute((trx) => saveIn(ctx, trx, row, req.itemId));
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
    return await ctx.db.transaction().execute((trx) => saveIn(ctx, trx, row, req.itemId));
  }
}

/**
 * An article's id is made of what it is, its URL and its text, not drawn at random: the same
 * news read into two databases gets the same ids, so their records (trip ids, the order of
 * claims published at the same time) come out the same. It is made here, not by the caller with
 * the fingerprint: it is the row's key, drawn from two columns of the row (url, content_hash),
 * not from the text, so no caller can store an article under a key that disagrees with them.
 */
function articleId(url: string, hash: string): string {
  return createHash('sha256').update(`${url}\n${hash}`).digest('hex').slice(0, 32);
}

const byte = z.number().int().min(0).max(255);
/** The fingerprint as ingest/dedup makes it; bands that disagree with the SimHash would hide
 * near-duplicates from the band indexes, so they are refused too. */
const FingerprintShape = z
  .object({
    contentHash: z.string().regex(/^[0-9a-f]{64}$/, 'contentHash: 64 lower-case hex digits'),
    simhash: z.string().regex(/^[0-9a-f]{16}$/, 'simhash: 16 lower-case hex digits'),
    bands: z.array(byte).length(SIMHASH_BANDS),
  })
  .refine((f) => f.bands.every((b, i) => b === parseInt(f.simhash.slice(2 * i, 2 * i + 2), 16)), {
    message: "bands: the simhash's bytes, most significant first",
  });

function articleRow(ctx: StoreContext, req: SaveArticleRequest): ArticlesTable {
  const d = req.draft;
  if (!d.url || typeof d.text !== 'string')
    throw new StoreError('invalid_request', 'an article needs a url and a text');
  const print = FingerprintShape.safeParse(req.fingerprint);
  if (!print.success)
    throw new StoreError(
      'invalid_request',
      `not an article fingerprint (ingest/dedup fingerprint): ${print.error.issues.map((i) => i.message).join('; ')}`,
    );
  const { contentHash: hash, simhash, bands } = print.data;
  const id = req.id ?? articleId(d.url, hash);
  return {
    id,
    url: d.url,
    canonical_url: d.canonicalUrl ?? null,
    source: d.source,
    title: d.title ?? null,
    byline: d.byline ?? null,
    ...storedPublished(d.publishedAt),
    fetched_at: isoTime(req.fetchedAt, 'fetchedAt'),
    lang: d.lang ?? null,
    text: d.text,
    content_hash: hash,
    simhash,
    cluster_id: id,
    ...(Object.fromEntries(BAND_COLUMNS.map((c, i) => [c, bands[i] ?? 0])) as Pick<
      ArticlesTable,
      (typeof BAND_COLUMNS)[number]
    >),
  };
}

async function saveIn(
  ctx: StoreContext,
  trx: Transaction<DB>,
  row: ArticlesTable,
  itemId: string | undefined,
): Promise<SaveArticleResult> {
  const copy = await findCopy(trx, row);
  if (copy?.reason === 'content_hash') {
    await linkItem(ctx, trx, itemId, copy.of, 'duplicate');
    return copy;
  }
  if (copy) return saveVersion(ctx, trx, row, itemId, copy.of);
  const bands = BAND_COLUMNS.map((c) => row[c]);
  const near = await nearestNeighbour(trx, row.simhash, bands, ctx.nearDistance);
  let clusterId = row.id;
  if (near) {
    const head = await trx
      .selectFrom('articles')
      .select(['id', 'published_at', 'fetched_at'])
      .where('id', '=', near.cluster_id)
      .executeTakeFirstOrThrow();
    if (!isEarlier(row, head)) clusterId = head.id;
  }
  const saved = { ...row, cluster_id: clusterId };
  const taken = await trx.selectFrom('articles').select('id').where('id', '=', row.id).executeTakeFirst();
  if (taken) throw new StoreError('invalid_request', `article id ${row.id} is taken by another article`);
  await trx.insertInto('articles').values(saved).execute();
  ctx.failpoint('article:inserted');
  if (near && clusterId === row.id) {
    // The new article is older than the head: it heads the cluster now, and every member follows.
    await trx
      .updateTable('articles')
      .set({ cluster_id: row.id })
      .where('cluster_id', '=', near.cluster_id)
      .execute();
    ctx.failpoint('cluster:repointed');
  }
  // A near copy is stored, so its item is 'extracted'; 'duplicate' means no article of its own.
  await linkItem(ctx, trx, itemId, row.id, 'extracted');
  const article = toArticle(saved);
  return near
    ? { kind: 'duplicate', of: near.id, reason: 'near_duplicate', article }
    : { kind: 'new', article };
}

/** A changed text at a known URL: a version of its own, in the cluster of the one before. */
async function saveVersion(
  ctx: StoreContext,
  trx: Transaction<DB>,
  row: ArticlesTable,
  itemId: string | undefined,
  of: string,
): Promise<SaveArticleResult> {
  const before = await trx
    .selectFrom('articles')
    .select('cluster_id')
    .where('id', '=', of)
    .executeTakeFirstOrThrow();
  const taken = await trx.selectFrom('articles').select('id').where('id', '=', row.id).executeTakeFirst();
  if (taken) throw new StoreError('invalid_request', `article id ${row.id} is taken by another article`);
  const saved = { ...row, cluster_id: before.cluster_id };
  await trx.insertInto('articles').values(saved).execute();
  ctx.failpoint('article:inserted');
  await linkItem(ctx, trx, itemId, row.id, 'extracted');
  return { kind: 'new', article: toArticle(saved), versionOf: of };
}

type Copy = Extract<SaveArticleResult, { reason: 'canonical_url' | 'content_hash' }>;

async function findCopy(trx: Transaction<DB>, row: ArticlesTable): Promise<Copy | undefined> {
  // The text first: the same text is a copy wherever it is; a known URL with a new text is a version.
  const byHash = await trx
    .selectFrom('articles')
    .select('id')
    .where('content_hash', '=', row.content_hash)
    .executeTakeFirst();
  if (byHash) return { kind: 'duplicate', of: byHash.id, reason: 'content_hash' };
  const urls = [...new Set([row.url, row.canonical_url ?? row.url])];
  const byUrl = await trx
    .selectFrom('articles')
    .select('id')
    .where((eb) => eb.or([eb('canonical_url', 'in', urls), eb('url', 'in', urls)]))
    .orderBy('fetched_at', 'desc')
    .orderBy('id')
    .executeTakeFirst();
  if (byUrl) return { kind: 'duplicate', of: byUrl.id, reason: 'canonical_url' };
  return undefined;
}

async function linkItem(
  ctx: StoreContext,
  trx: Transaction<DB>,
  itemId: string | undefined,
  articleId: string,
  state: 'extracted' | 'duplicate',
): Promise<void> {
  if (!itemId) return;
  const r = await trx
    .updateTable('items')
    .set({ article_id: articleId, state, error: null, updated_at: ctx.now().toISOString() })
    .where('id', '=', itemId)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) throw new StoreError('invalid_request', `no item ${itemId}`);
  ctx.failpoint('item:linked');
}
