/**
 * @module jobs/ingest
 * One pass over one source: fetch, parse, extract, store. Every entry becomes an item keyed by
 * (source, url) before any work is done on it, and its article is saved in the same transaction
 * that marks the item done, so a crash at any point loses nothing and a re-run duplicates nothing:
 * items already `extracted` or `duplicate` are skipped, the rest are taken up again.
 */
import { createHash } from 'node:crypto';
import type { Logger } from '../log.js';
import type { ArticleDraft } from '../model.js';
import { extractArticle } from '../ingest/article/index.js';
import { fingerprint } from '../ingest/dedup/index.js';
import { parseFeed, type FeedEntry } from '../ingest/feeds/index.js';
import type { FetchOk, FetchOptions, FetchResult, Validators } from '../ingest/fetch/index.js';
import { readArticleFile } from '../ingest/files/read-files.js';
import type { Source } from '../ingest/sources.js';
import { parseTelegramChannel } from '../ingest/telegram/index.js';
import { StoreError, type Store } from '../store/index.js';

export interface IngestDeps {
  /** Writes the ingest log and the articles; reads back only the item and source it upserts. */
  store: Pick<Store, 'upsertSource' | 'recordFetch' | 'upsertItem' | 'saveArticle'>;
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
}

export const emptySummary = (): IngestSummary => ({
  new: 0,
  duplicate: 0,
  notModified: 0,
  skipped: 0,
  failed: [],
});

export function addSummary(a: IngestSummary, b: IngestSummary): IngestSummary {
  return {
    new: a.new + b.new,
    duplicate: a.duplicate + b.duplicate,
    notModified: a.notModified + b.notModified,
    skipped: a.skipped + b.skipped,
    failed: [...a.failed, ...b.failed],
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

/** Saves one draft under an item; the item records a failure instead when the draft has no text. */
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
    await deps.store.upsertItem({ sourceId, url: draft.url, state: 'failed', error: 'no article text' });
    summary.failed.push({ where: draft.url, reason: 'no article text' });
    return;
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

/** The article behind a feed entry: the linked page, or the feed's own content when that is richer. */
async function entryDraft(
  deps: IngestDeps,
  sourceId: string,
  entry: FeedEntry & { link: string },
  summary: IngestSummary,
): Promise<ArticleDraft | undefined> {
  const inline = entry.contentHtml
    ? extractArticle(entry.contentHtml, entry.link).text
    : (entry.summary ?? '');
  // A page that cannot be fetched is recorded, and the entry falls back to the feed's own text.
  const page = await fetchRecorded(deps, sourceId, entry.link, emptySummary());
  const draft: ArticleDraft = page
    ? pageDraft(page, sourceId)
    : { url: entry.link, source: sourceId, text: '' };
  if (inline.length > draft.text.length) draft.text = inline;
  draft.url = entry.link;
  if (!draft.title && entry.title) draft.title = entry.title;
  if (!draft.byline && entry.author) draft.byline = entry.author;
  if (entry.published) draft.publishedAt = entry.published;
  if (!draft.text)
    summary.failed.push({ where: entry.link, reason: 'neither the page nor the feed entry has text' });
  return draft.text ? draft : undefined;
}

export async function ingestFeed(
  deps: IngestDeps,
  source: Source,
  validators: Validators,
): Promise<IngestSummary> {
  const summary = emptySummary();
  const res = await fetchRecorded(deps, source.id, source.url, summary, validators);
  if (!res) return summary;
  let entries: FeedEntry[];
  try {
    entries = parseFeed(res.bytes, {
      url: res.url,
      ...(res.contentType ? { contentType: res.contentType } : {}),
    }).entries;
  } catch (e) {
    summary.failed.push({ where: source.url, reason: reason(e) });
    return summary;
  }
  for (const entry of entries) {
    if (!entry.link) {
      summary.failed.push({
        where: source.url,
        reason: `entry ${entry.id ?? entry.title ?? '?'} has no link`,
      });
      continue;
    }
    const item = await deps.store.upsertItem({ sourceId: source.id, url: entry.link });
    if (item.state === 'extracted' || item.state === 'duplicate') {
      summary.skipped++;
      continue;
    }
    const draft = await entryDraft(deps, source.id, { ...entry, link: entry.link }, summary);
    if (draft) await saveDraft(deps, source.id, draft, summary);
    else
      await deps.store.upsertItem({
        sourceId: source.id,
        url: entry.link,
        state: 'failed',
        error: 'no text',
      });
  }
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
  if (res) await saveDraft(deps, source.id, pageDraft(res, source.id), summary, sha256(res.bytes));
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

/** A local file or folder's articles, under the source `file`. */
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
  for (const r of result.rejected) summary.failed.push({ where: `${path}:${r.line}`, reason: r.reason });
  for (const draft of result.drafts) await saveDraft(deps, 'file', draft, summary);
  return summary;
}
