/**
 * @module ingest/files/read-files
 * Local files and folders as articles: HTML pages, plain text, JSON and JSON Lines of articles, and
 * feeds (.rss, .atom, .xml), whose bytes are handed back for the feed pipeline. Files are decoded by
 * the fetcher's charset rules (BOM, meta charset, XML declaration, else UTF-8 or a guess) and binary
 * content is refused. Each file yields drafts or one failure with its reason; a bad file never
 * stops the others.
 */
import { closeSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import type { ArticleDraft } from '../../model.js';
import { extractArticle } from '../article/index.js';
import { binaryReason } from '../fetch/binary.js';
import { decodeBody } from '../fetch/charset.js';
import { defaultPolicy } from '../fetch/policy.js';

/**
 * Largest collection (JSON, JSON Lines) read whole; bigger ones are refused with a reason: cutting
 * one would drop its later records unseen. Each record's text is still held to the article cap.
 */
export const MAX_FILE_BYTES = 50 * 2 ** 20;
/**
 * Bytes read of a one-document file (a page, a text, a feed): the fetcher's cap on a body, so a file
 * costs no more than the same page fetched. Beyond it the file is cut, with a note.
 */
export const MAX_DOCUMENT_BYTES = defaultPolicy.maxBytes;

const FEED_EXTENSIONS = new Set(['.rss', '.atom', '.xml']);
const COLLECTION_EXTENSIONS = new Set(['.json', '.jsonl', '.ndjson']);
const KNOWN_EXTENSIONS = new Set(['.html', '.htm', '.txt', ...FEED_EXTENSIONS, ...COLLECTION_EXTENSIONS]);

export type FileResult =
  | { kind: 'ok'; path: string; drafts: ArticleDraft[]; rejected: Rejected[]; notes: string[] }
  /** A feed file: its bytes, for the same pipeline as a polled feed's body. */
  | { kind: 'feed'; path: string; url: string; bytes: Uint8Array; notes: string[] }
  | { kind: 'failed'; path: string; reason: string };

const jsonArticle = z
  .object({
    id: z.union([z.string(), z.number()]).optional(),
    url: z.string().url().optional(),
    title: z.string().optional(),
    byline: z.string().optional(),
    published: z.string().optional(),
    publishedAt: z.string().optional(),
    lang: z.string().optional(),
    text: z.string().min(1, 'text is empty'),
  })
  .passthrough();

function fromJson(value: unknown, fileUrl: string, index: number): ArticleDraft {
  const a = jsonArticle.parse(value);
  const draft: ArticleDraft = {
    url: a.url ?? `${fileUrl}#${a.id ?? index + 1}`,
    source: 'file',
    text: a.text,
  };
  if (a.title) draft.title = a.title;
  if (a.byline) draft.byline = a.byline;
  const published = a.publishedAt ?? a.published;
  if (published) draft.publishedAt = published;
  if (a.lang) draft.lang = a.lang;
  return draft;
}

function describe(e: unknown): string {
  if (e instanceof z.ZodError)
    return e.issues.map((i) => `${i.path.join('.') || 'record'}: ${i.message}`).join('; ');
  return e instanceof Error ? e.message : String(e);
}

type Rejected = { line: number; reason: string };

function readJsonLines(text: string, fileUrl: string): { drafts: ArticleDraft[]; rejected: Rejected[] } {
  const drafts: ArticleDraft[] = [];
  const rejected: Rejected[] = [];
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    try {
      drafts.push(fromJson(JSON.parse(line), fileUrl, i));
    } catch (e) {
      rejected.push({ line: i + 1, reason: describe(e) });
    }
  });
  return { drafts, rejected };
}

/** The first `max` bytes of a file (all of it when smaller). */
function readHead(abs: string, size: number, max: number): Uint8Array {
  const bytes = Buffer.alloc(Math.min(size, max));
  const fd = openSync(abs, 'r');
  try {
    let got = 0;
    while (got < bytes.length) {
      const n = readSync(fd, bytes, got, bytes.length - got, got);
      if (n === 0) break;
      got += n;
    }
    return bytes.subarray(0, got);
  } finally {
    closeSync(fd);
  }
}

/** Reads one file into drafts (or, for a feed, its bytes); never throws. */
export function readArticleFile(path: string): FileResult {
  const abs = resolve(path);
  const fileUrl = pathToFileURL(abs).href;
  const ext = extname(abs).toLowerCase();
  // An unknown type is refused before any byte is read.
  if (!KNOWN_EXTENSIONS.has(ext))
    return {
      kind: 'failed',
      path,
      reason: `unsupported file type ${ext || '(none)'}; expected .html, .htm, .txt, .json, .jsonl, .rss, .atom or .xml`,
    };
  try {
    const size = statSync(abs).size;
    const collection = COLLECTION_EXTENSIONS.has(ext);
    if (collection && size > MAX_FILE_BYTES)
      return { kind: 'failed', path, reason: `file is ${size} bytes, over the ${MAX_FILE_BYTES}-byte limit` };
    const bytes = readHead(abs, size, collection ? MAX_FILE_BYTES : MAX_DOCUMENT_BYTES);
    const notes =
      size > bytes.length
        ? [`file is ${size} bytes; only its first ${bytes.length} were read (the cap on a page)`]
        : [];
    const { text } = decodeBody(bytes, null);
    if (!text.trim()) return { kind: 'failed', path, reason: 'file is empty' };
    const binary = binaryReason(bytes, text);
    if (binary) return { kind: 'failed', path, reason: `${basename(abs)} holds ${binary}, not text` };
    if (FEED_EXTENSIONS.has(ext)) return { kind: 'feed', path, url: fileUrl, bytes, notes };
    const ok = (drafts: ArticleDraft[], rejected: Rejected[] = []): FileResult => ({
      kind: 'ok',
      path,
      drafts,
      rejected,
      notes,
    });
    switch (ext) {
      case '.html':
      case '.htm': {
        const a = extractArticle(text, fileUrl);
        if (!a.text.trim()) return { kind: 'failed', path, reason: 'no article text found in the HTML' };
        const draft: ArticleDraft = { url: fileUrl, source: 'file', text: a.text };
        if (a.url && a.url !== fileUrl) draft.canonicalUrl = a.url;
        if (a.title) draft.title = a.title;
        if (a.byline) draft.byline = a.byline;
        if (a.published) draft.publishedAt = a.published;
        if (a.lang) draft.lang = a.lang;
        return ok([draft]);
      }
      case '.txt': {
        // The first line is the title; sliced rather than split, so a huge text is not copied in lines.
        const body = text.trim();
        const nl = body.indexOf('\n');
        const first = (nl === -1 ? body : body.slice(0, nl)).trim();
        const rest = nl === -1 ? '' : body.slice(nl + 1).trim();
        return ok([{ url: fileUrl, source: 'file', title: first, text: rest || first }]);
      }
      case '.jsonl':
      case '.ndjson': {
        const lines = readJsonLines(text, fileUrl);
        return ok(lines.drafts, lines.rejected);
      }
      case '.json': {
        const doc: unknown = JSON.parse(text);
        const list = Array.isArray(doc) ? doc : [doc];
        const drafts: ArticleDraft[] = [];
        const rejected: Rejected[] = [];
        list.forEach((v, i) => {
          try {
            drafts.push(fromJson(v, fileUrl, i));
          } catch (e) {
            rejected.push({ line: i + 1, reason: `record ${i + 1}: ${describe(e)}` });
          }
        });
        return ok(drafts, rejected);
      }
      default:
        return { kind: 'failed', path, reason: `unsupported file type ${ext}` }; // unreachable: checked above
    }
  } catch (e) {
    return { kind: 'failed', path, reason: describe(e) };
  }
}

/** Every file under `path` (itself if a file), sorted, skipping hidden entries. */
export function listFiles(path: string): string[] {
  const st = statSync(path);
  if (!st.isDirectory()) return [path];
  return readdirSync(path, { withFileTypes: true })
    .filter((d) => !d.name.startsWith('.'))
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((d) => (d.isDirectory() ? listFiles(join(path, d.name)) : [join(path, d.name)]));
}
