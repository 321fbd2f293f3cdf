/**
 * @module jobs/ingest
 * One pass over one source: fetch, parse, extract, store. Every entry becomes an item keyed by
 * (source, url) before any work is done on it, and its article is saved in the same transaction
 * that marks the item done, so a crash at any point loses nothing and a re-run duplicates nothing:
 * items already `extracted` or `duplicate` are skipped, the rest are taken up again. An entry whose
 * page cannot be fetched is a `failed` item with its reason, never an article made of the feed's
 * summary alone; the next poll of its feed takes it up again, even when the feed is unchanged.
 */
import { createHash } from 'node:crypto';
import type { Logger } from '../log.js';
import type { ArticleDraft } from '../model.js';
import { capText, extractArticle, MAX_ARTICLE_CHARS } from '../ingest/article/index.js';
import { fingerprint } from '../ingest/dedup/index.js';
import { parseFeed, type FeedEntry, type ParsedFeed } from '../ingest/feeds/index.js';
import { binaryReason } from '../ingest/fetch/binary.js';
import type { FetchOk, FetchOptions, FetchResult, Validators } from '../ingest/fetch/index.js';
import { readArticleFile } from '../ingest/files/read-files.js';
import type { Source } from '../ingest/sources.js';
import { parseTelegramChannel } from '../ingest/telegram/index.js';
import { StoreError, type Store } from '../store/index.js';

export interface IngestDeps {
  /** Writes the ingest log and the articles; reads back only the item and source it upserts. */
  store: Pick<Store, 'upsertSource' | 'recordFetch' | 'upsertItem' | 'saveArticle' | 'itemsInState'>;
  fetcher: { fetch(url: string, opts?: FetchOptions): Promise<FetchResult> };
  now: () => Date;
  log: Logger;
}

export interface IngestSummary {
  new: number;
  duplicate: number;
  notModified: number;
  skipped: number;
  failed: { where: string; reason: string }[];
  /** What was read but not whole: a text cut at the cap, a file cut at the byte cap, a damaged feed. */
  notes: { where: string; note: string }[];
}

export const emptySummary = (): IngestSummary => ({
  new: 0,
  duplicate: 0,
  notModified: 0,
  skipped: 0,
  failed: [],
  notes: [],
});

export function addSummary(a: IngestSummary, b: IngestSummary): IngestSummary {
  return {
    new: a.new + b.new,
    duplicate: a.duplicate + b.duplicate,
    notModified: a.notModified + b.notModified,
    skipped: a.skipped + b.skipped,
    failed: [...a.failed, ...b.failed],
    notes: [...a.notes, ...b.notes],
  };
}

const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');
/** "code: message" for our typed errors (FetchError, FeedError...), the message otherwise; a
 * message that already starts with its code (FetchError's do) is not given it twice. */
function reason(e: unknown): string {
  if (!(e instanceof Error)) return String(e);
  const code = (e as Error & { code?: unknown }).code;
  return typeof code === 'string' && !e.message.startsWith(`${code}: `) ? `${code}: ${e.message}` : e.message;
}

/** A note for the summary and the log at once. */
function note(deps: IngestDeps, summary: IngestSummary, sourceId: string, where: string, text: string): void {
  summary.notes.push({ where, note: text });
  deps.log.warn({ source_id: sourceId, source_url: where, note: text }, 'read in part');
}

/** Records an item as failed, with its reason, in the store, the summary and the log. */
async function failItem(
  deps: IngestDeps,
  sourceId: string,
  url: string,
  why: string,
  summary: IngestSummary,
): Promise<void> {
  await deps.store.upsertItem({ sourceId, url, state: 'failed', error: why });
  summary.failed.push({ where: url, reason: why });
  deps.log.warn({ source_id: sourceId, source_url: url, error: why }, 'item failed');
}

/**
 * Saves one draft under an item; the item records a failure instead when the draft has no text.
 * A text over MAX_ARTICLE_CHARS is cut there, and the summary says so.
 */
async function saveDraft(
  deps: IngestDeps,
  sourceId: string,
  draft: ArticleDraft,
  summary: IngestSummary,
  rawSha256?: string,
): Promise<void> {
  const item = await deps.store.upsertItem({ sourceId, url: draft.url, ...(rawSha256 ? { rawSha256 } : {}) });
  if (item.state === 'extracted' || item.state === 'duplicate') {
    summary.skipped++;
    return;
  }
  if (!draft.text.trim()) {
    await failItem(deps, sourceId, draft.url, 'no article text', summary);
    return;
  }
  const capped = capText(draft.text);
  if (capped.cutFrom !== undefined) {
    note(
      deps,
      summary,
      sourceId,
      draft.url,
      `text of ${capped.cutFrom} characters cut to the first ${capped.text.length} (cap ${MAX_ARTICLE_CHARS})`,
    );
    draft = { ...draft, text: capped.text };
  }
  let saved;
  try {
    saved = await deps.store.saveArticle({
      draft,
      fingerprint: fingerprint(draft.text),
      fetchedAt: deps.now().toISOString(),
      itemId: item.id,
    });
  } catch (e) {
    // A draft the store refuses (a publication date it cannot read) fails its item, not the run.
    if (!(e instanceof StoreError && e.code === 'invalid_request')) throw e;
    await deps.store.upsertItem({ sourceId, url: draft.url, state: 'failed', error: e.message });
    summary.failed.push({ where: draft.url, reason: e.message });
    return;
  }
  if (saved.kind === 'new') summary.new++;
  else summary.duplicate++;
  deps.log.debug({ source_id: sourceId, source_url: draft.url, result: saved.kind }, 'article saved');
}

/**
 * Fetches a URL and records the attempt against the source; undefined when it failed or was
 * unchanged. `validators` (the source's own from its last fetch) make it a conditional GET and ask
 * for the new ones to be kept; pages an entry links to are fetched without.
 */
async function fetchRecorded(
  deps: IngestDeps,
  sourceId: string,
  url: string,
  summary: IngestSummary,
  validators?: Validators,
): Promise<FetchOk | undefined> {
  const conditional = validators !== undefined;
  const fetchedAt = deps.now().toISOString();
  try {
    const res = await deps.fetcher.fetch(url, validators ? { validators } : {});
    if (res.kind === 'not_modified') {
      await deps.store.recordFetch({ sourceId, url, fetchedAt: res.fetchedAt, outcome: 'not_modified' });
      summary.notModified++;
      return undefined;
    }
    await deps.store.recordFetch({
      sourceId,
      url,
      fetchedAt: res.fetchedAt,
      outcome: 'ok',
      status: res.status,
      rawSha256: sha256(res.bytes),
      bytes: res.bytes.length,
      ...(res.contentType ? { contentType: res.contentType } : {}),
      charset: res.charset,
      ...(conditional && res.validators.etag ? { etag: res.validators.etag } : {}),
      ...(conditional && res.validators.lastModified ? { lastModified: res.validators.lastModified } : {}),
    });
    return res;
  } catch (e) {
    const code = (e as { code?: string }).code;
    await deps.store.recordFetch({
      sourceId,
      url,
      fetchedAt,
      outcome: 'failed',
      ...(code ? { errorCode: code } : {}),
      errorMessage: e instanceof Error ? e.message : String(e),
    });
    summary.failed.push({ where: url, reason: reason(e) });
    deps.log.warn({ source_id: sourceId, source_url: url, error: reason(e) }, 'fetch failed');
    return undefined;
  }
}

/** Why a fetched page is no article (binary content), or undefined. */
function notAPage(page: FetchOk): string | undefined {
  const binary = binaryReason(page.bytes, page.text);
  return binary && `${binary}, not text (${page.contentType ?? 'no content type'})`;
}

function pageDraft(page: FetchOk, sourceId: string): ArticleDraft {
  const a = extractArticle(page.text, page.url);
  const draft: ArticleDraft = { url: page.url, source: sourceId, text: a.text };
  if (a.url && a.url !== page.url) draft.canonicalUrl = a.url;
  if (a.title) draft.title = a.title;
  if (a.byline) draft.byline = a.byline;
  if (a.published) draft.publishedAt = a.published;
  if (a.lang) draft.lang = a.lang;
  return draft;
}

/**
 * The article behind a feed entry: the linked page, or the feed's own content when that is richer.
 * A page that cannot be fetched (or is binary) makes no article: the summary alone is not one.
 */
async function entryDraft(
  deps: IngestDeps,
  sourceId: string,
  entry: FeedEntry & { link: string },
): Promise<ArticleDraft | { failed: string }> {
  const fetched = emptySummary();
  const page = await fetchRecorded(deps, sourceId, entry.link, fetched);
  const binary = page && notAPage(page);
  if (!page || binary)
    return {
      failed: `page not fetched (${binary ?? fetched.failed[0]?.reason ?? 'no response'}); not stored from the feed's summary alone, retried at the next poll`,
    };
  const inline = entry.contentHtml
    ? extractArticle(entry.contentHtml, entry.link).text
    : (entry.summary ?? '');
  const draft = pageDraft(page, sourceId);
  if (inline.length > draft.text.length) draft.text = inline;
  draft.url = entry.link;
  if (!draft.title && entry.title) draft.title = entry.title;
  if (!draft.byline && entry.author) draft.byline = entry.author;
  if (entry.published) draft.publishedAt = entry.published;
  return draft.text ? draft : { failed: 'neither the page nor the feed entry has text' };
}

/** The entries of a parsed feed (polled or a local file) as items and articles of `sourceId`. */
async function ingestEntries(
  deps: IngestDeps,
  sourceId: string,
  feedUrl: string,
  feed: ParsedFeed,
  summary: IngestSummary,
): Promise<void> {
  // Damage (a truncated document, bad entities, unreadable dates) is said with where it is.
  for (const w of feed.warnings) note(deps, summary, sourceId, feedUrl, w);
  for (const entry of feed.entries) {
    if (!entry.link) {
      summary.failed.push({
        where: feedUrl,
        reason: `entry ${entry.id ?? entry.title ?? '?'} has no link`,
      });
      continue;
    }
    const item = await deps.store.upsertItem({ sourceId, url: entry.link });
    if (item.state === 'extracted' || item.state === 'duplicate') {
      summary.skipped++;
      continue;
    }
    const draft = await entryDraft(deps, sourceId, { ...entry, link: entry.link });
    if ('failed' in draft) await failItem(deps, sourceId, entry.link, draft.failed, summary);
    else await saveDraft(deps, sourceId, draft, summary);
  }
}

/** Most failed items of a source taken up again in one poll of an unchanged feed. */
const RETRIES_PER_POLL = 50;

/**
 * The failed items of a feed whose body did not change (a 304): its entries are not read again,
 * so the pages that could not be fetched are asked for here, from what the item keeps (the URL).
 */
async function retryFailed(deps: IngestDeps, source: Source, summary: IngestSummary): Promise<void> {
  const failed = (
    await deps.store.itemsInState({ state: 'failed', sourceId: source.id, limit: RETRIES_PER_POLL + 1 })
  )
    .filter((i) => i.url !== source.url)
    .slice(0, RETRIES_PER_POLL);
  for (const item of failed) {
    const fetched = emptySummary();
    const page = await fetchRecorded(deps, source.id, item.url, fetched);
    const binary = page && notAPage(page);
    if (page && !binary)
      await saveDraft(deps, source.id, { ...pageDraft(page, source.id), url: item.url }, summary);
    else
      await failItem(
        deps,
        source.id,
        item.url,
        `page not fetched (${binary ?? fetched.failed[0]?.reason ?? 'no response'}); retried at the next poll`,
        summary,
      );
  }
}

export async function ingestFeed(
  deps: IngestDeps,
  source: Source,
  validators: Validators,
): Promise<IngestSummary> {
  const summary = emptySummary();
  const res = await fetchRecorded(deps, source.id, source.url, summary, validators);
  if (!res) {
    if (summary.notModified) await retryFailed(deps, source, summary);
    return summary;
  }
  let feed: ParsedFeed;
  try {
    feed = parseFeed(res.bytes, {
      url: res.url,
      ...(res.contentType ? { contentType: res.contentType } : {}),
    });
  } catch (e) {
    summary.failed.push({ where: source.url, reason: reason(e) });
    return summary;
  }
  await ingestEntries(deps, source.id, source.url, feed, summary);
  return summary;
}

export async function ingestTelegram(deps: IngestDeps, source: Source): Promise<IngestSummary> {
  const summary = emptySummary();
  const res = await fetchRecorded(deps, source.id, source.url, summary);
  if (!res) return summary;
  // The channel is named by the path (/s/<name>), whichever host serves the preview.
  const name = new URL(source.url).pathname.split('/').filter(Boolean).at(-1) ?? '';
  const channel = parseTelegramChannel(res.text, `https://t.me/s/${name}`);
  for (const post of channel.posts) {
    const draft: ArticleDraft = { url: post.url, source: source.id, text: post.text, lang: source.lang };
    if (post.published) draft.publishedAt = post.published;
    if (channel.title) draft.byline = channel.title;
    await saveDraft(deps, source.id, draft, summary);
  }
  return summary;
}

export async function ingestPage(deps: IngestDeps, source: Source): Promise<IngestSummary> {
  const summary = emptySummary();
  const res = await fetchRecorded(deps, source.id, source.url, summary);
  if (!res) return summary;
  const binary = notAPage(res);
  if (binary) await failItem(deps, source.id, source.url, binary, summary);
  else await saveDraft(deps, source.id, pageDraft(res, source.id), summary, sha256(res.bytes));
  return summary;
}

export async function ingestSource(deps: IngestDeps, source: Source): Promise<IngestSummary> {
  const stored = await deps.store.upsertSource({
    id: source.id,
    kind: source.kind,
    url: source.url,
    title: source.title,
    scheduleMinutes: source.everyMinutes,
    enabled: source.enabled,
  });
  if (source.kind === 'telegram') return ingestTelegram(deps, source);
  if (source.kind === 'page') return ingestPage(deps, source);
  return ingestFeed(deps, source, {
    ...(stored.etag ? { etag: stored.etag } : {}),
    ...(stored.lastModified ? { lastModified: stored.lastModified } : {}),
  });
}

/**
 * A local file's articles, under the source `file`. A feed file's entries go the way of a polled
 * feed's (their pages fetched), under the same source.
 */
export async function ingestFile(
  deps: IngestDeps,
  path: string,
  summary = emptySummary(),
): Promise<IngestSummary> {
  await deps.store.upsertSource({ id: 'file', kind: 'file', url: 'file:///', title: 'local files' });
  const result = readArticleFile(path);
  if (result.kind === 'failed') {
    summary.failed.push({ where: path, reason: result.reason });
    return summary;
  }
  for (const n of result.notes) note(deps, summary, 'file', path, n);
  if (result.kind === 'feed') {
    let feed: ParsedFeed;
    try {
      feed = parseFeed(result.bytes, { url: result.url });
    } catch (e) {
      summary.failed.push({ where: path, reason: reason(e) });
      return summary;
    }
    await ingestEntries(deps, 'file', path, feed, summary);
    return summary;
  }
  for (const r of result.rejected) summary.failed.push({ where: `${path}:${r.line}`, reason: r.reason });
  for (const draft of result.drafts) await saveDraft(deps, 'file', draft, summary);
  return summary;
}
