/**
 * @module ingest/files/read-files
 * Local files and folders as articles: HTML pages, plain text, JSON and JSON Lines of articles.
 * Each file yields drafts or one failure with its reason; a bad file never stops the others.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import type { ArticleDraft } from '../../model.js';
import { extractArticle } from '../article/index.js';

/** Largest file read whole; bigger ones are refused with a reason rather than exhausting memory. */
export const MAX_FILE_BYTES = 50 * 2 ** 20;

export type FileResult =
  | { kind: 'ok'; path: string; drafts: ArticleDraft[]; rejected: Rejected[] }
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

/** Reads one file into drafts; never throws. */
export function readArticleFile(path: string): FileResult {
  const abs = resolve(path);
  const fileUrl = pathToFileURL(abs).href;
  try {
    const size = statSync(abs).size;
    if (size > MAX_FILE_BYTES)
      return { kind: 'failed', path, reason: `file is ${size} bytes, over the ${MAX_FILE_BYTES}-byte limit` };
    const text = readFileSync(abs, 'utf8');
    if (!text.trim()) return { kind: 'failed', path, reason: 'file is empty' };
    switch (extname(abs).toLowerCase()) {
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
        return { kind: 'ok', path, drafts: [draft], rejected: [] };
      }
      case '.txt': {
        const [first, ...rest] = text.trim().split('\n');
        return {
          kind: 'ok',
          path,
          drafts: [
            {
              url: fileUrl,
              source: 'file',
              title: first!.trim(),
              text: rest.join('\n').trim() || first!.trim(),
            },
          ],
          rejected: [],
        };
      }
      case '.jsonl':
      case '.ndjson': {
        return { kind: 'ok', path, ...readJsonLines(text, fileUrl) };
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
        return { kind: 'ok', path, drafts, rejected };
      }
      default:
        return {
          kind: 'failed',
          path,
          reason: `unsupported file type ${extname(abs) || '(none)'}; expected .html, .htm, .txt, .json or .jsonl`,
        };
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
