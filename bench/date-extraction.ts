/**
 * @module bench/date-extraction
 * Publication-date accuracy on the htmldate evaluation set (1,000 pages), scored as upstream, and
 * title / byline / date accuracy on the WCXB test split's article pages.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gunzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { parseDocument } from '../src/ingest/article/document.js';
import { extractArticle } from '../src/ingest/article/index.js';
import { readJsonLd } from '../src/ingest/article/jsonld.js';
import { readMeta } from '../src/ingest/article/meta.js';
import { publishedDate } from '../src/ingest/article/published-date.js';
import { fmtMs, printTable, SHARED } from './measure.js';

const DATES = join(SHARED, 'bench', 'date-extraction');
const WCXB = join(SHARED, 'bench', 'wcxb');

/** As upstream: UTF-8 first; else the page's declared charset; else Windows-1252 (never fails). */
export function decodePage(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const declared = /charset=["']?([\w-]+)/i.exec(bytes.subarray(0, 4096).toString('latin1'))?.[1];
    return iconv.decode(bytes, declared && iconv.encodingExists(declared) ? declared : 'windows-1252');
  }
}

interface ManifestEntry {
  date: string | null;
  path: string;
}

/** The date path of extractArticle, without the body extraction (which dates do not need). */
function dateOf(html: string, url: string, reference: Date): string | null {
  const doc = parseDocument(html);
  return publishedDate({ doc, meta: readMeta(doc), jsonLd: readJsonLd(doc), url, reference });
}

function benchHtmldateSet(reference: Date): void {
  const manifest = JSON.parse(readFileSync(join(DATES, 'manifest.json'), 'utf8')) as Record<
    string,
    ManifestEntry
  >;
  let [tp, fp, fn] = [0, 0, 0];
  let ms = 0;
  const misses: string[] = [];
  for (const [url, e] of Object.entries(manifest)) {
    const html = decodePage(gunzipSync(readFileSync(join(DATES, e.path))));
    const t0 = performance.now();
    const got = dateOf(html, url, reference);
    ms += performance.now() - t0;
    // Upstream: no prediction → FN; a prediction → TP if it equals the label (NaN labels never do), else FP.
    if (!got) fn++;
    else if (e.date && got.slice(0, 10) === e.date) tp++;
    else fp++;
    if (got?.slice(0, 10) !== e.date) misses.push(`${e.date} got ${got ?? '-'} ${e.path} ${url}`);
  }
  const n = tp + fp + fn;
  for (const m of misses.slice(0, Number(process.env['BENCH_WORST'] ?? 0)))
    process.stdout.write(`miss ${m}\n`);
  const f = (x: number) => x.toFixed(3);
  const row = (name: string, p: number, r: number, a: number, fs: number) => [name, f(p), f(r), f(a), f(fs)];
  printTable(
    `publication date: htmldate evaluation set, ${n} pages (others: published table, 2026-06-01 labels); ours ${fmtMs(ms / n)} per page`,
    ['tool', 'precision', 'recall', 'accuracy', 'F-score'],
    [
      row('warrant-watch (ours)', tp / (tp + fp), tp / (tp + fn), tp / n, (2 * tp) / (2 * tp + fp + fn)),
      row('htmldate 1.10.0 (extensive)', 0.908, 0.993, 0.903, 0.949),
      row('htmldate 1.10.0 (fast)', 0.924, 0.927, 0.861, 0.925),
      row('articleDateExtractor 0.20', 0.846, 0.745, 0.656, 0.792),
      row('newspaper4k 0.9.5', 0.912, 0.728, 0.68, 0.81),
      row('news-please 1.6.16', 0.845, 0.777, 0.68, 0.81),
      row('goose3 3.1.21', 0.93, 0.568, 0.545, 0.706),
    ],
  );
}

interface WcxbEntry {
  url: string;
  page_type: string;
  title: string | null;
  author: string | null;
  publish_date: string | null;
  html: string;
}

/** Our own metadata score (WCXB defines none): case- and space-insensitive exact match. */
const norm = (s: string | null) =>
  (s ?? '')
    .toLowerCase()
    .replace(/[\s\u00a0]+/g, ' ')
    .replace(/[“”"']/g, '')
    .trim();

function benchWcxb(reference: Date): void {
  const index = JSON.parse(readFileSync(join(WCXB, 'test-index.json'), 'utf8')) as Record<string, WcxbEntry>;
  const pages = Object.values(index).filter((e) => e.page_type === 'article');
  const hits = { title: [0, 0], author: [0, 0], date: [0, 0] };
  const tally = (k: keyof typeof hits, label: string | null, got: string | null) => {
    if (!label) return;
    hits[k][1]!++;
    if (norm(got) === norm(label)) hits[k][0]!++;
  };
  for (const e of pages) {
    const a = extractArticle(decodePage(gunzipSync(readFileSync(join(WCXB, e.html)))), e.url, { reference });
    tally('title', e.title, a.title);
    tally('author', e.author, a.byline);
    tally('date', e.publish_date, a.published?.slice(0, e.publish_date?.length ?? 10) ?? null);
  }
  printTable(
    `WCXB test split, ${pages.length} article pages: exact match (normalised case and spaces) on labelled pages; no published numbers exist`,
    ['field', 'labelled', 'correct', 'accuracy'],
    Object.entries(hits).map(([k, [ok, n]]) => [k, String(n), String(ok), (ok! / n!).toFixed(3)]),
  );
}

export async function benchDateExtraction(): Promise<void> {
  const reference = new Date();
  benchHtmldateSet(reference);
  benchWcxb(reference);
}
