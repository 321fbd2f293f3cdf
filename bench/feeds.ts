/**
 * @module bench/feeds
 * parseFeed against four open-source parsers' test suites (../shared/bench/feeds): crashes, clean
 * rejections, agreement with their recorded expectations on titles, links, ids and dates, and speed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  FeedError,
  htmlToText,
  parseFeed,
  parseFeedDate,
  type ParsedFeed,
} from '../src/ingest/feeds/index.js';
import { fmtMs, printTable, SHARED } from './measure.js';

const ROOT = join(SHARED, 'bench', 'feeds');
type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
const readJson = (p: string): Json => JSON.parse(readFileSync(join(ROOT, p), 'utf8')) as Json;
const obj = (v: Json | undefined): Record<string, Json> =>
  v && typeof v === 'object' && !Array.isArray(v) ? v : {};
const arr = (v: Json | undefined): Json[] => (Array.isArray(v) ? v : []);
const str = (v: Json | undefined): string | null => (typeof v === 'string' ? v : null);

/** One comparison: expected as recorded upstream, ours, and how to compare them. */
interface Check {
  field: string;
  expected: string | null;
  actual: string | null;
  kind: 'text' | 'url' | 'date' | 'exact';
}

interface CaseResult {
  file: string;
  outcome: 'parsed' | 'rejected' | 'crashed';
  reason?: string;
  feed?: ParsedFeed;
  checks: Check[];
  /** For cases whose expectation is "must fail" or "must parse". */
  mustFail?: boolean;
  illFormed?: boolean;
}

/** Titles upstream may keep as HTML or with odd spacing; we promise plain text, so compare text. */
const asText = (s: string) => htmlToText(s).replace(/\s+/g, ' ').trim();
/**
 * Goldens written by a parser that read latin-1 bytes as UTF-8 hold U+FFFD where the real letter is
 * (rss-parser's encoding.rss, whose case table says latin-1 is right): there, U+FFFD matches any one
 * character. Relative links in a golden (kept unresolved upstream) match our resolved link's tail.
 */
const sameText = (exp: string, act: string) =>
  exp.includes('\ufffd')
    ? exp.length === act.length && [...exp].every((ch, i) => ch === '\ufffd' || ch === act[i])
    : exp === act;
function agrees(c: Check): boolean {
  if (c.expected === null) return c.actual === null;
  if (c.actual === null) return false;
  const exp = c.expected.trim();
  if (c.kind === 'text') return sameText(asText(exp), asText(c.actual));
  if (c.kind === 'date') return parseFeedDate(exp) === c.actual;
  if (c.kind === 'url') {
    const [e, a] = [exp.replace(/\/$/, ''), c.actual.replace(/\/$/, '')];
    return e === a || (e.startsWith('/') && a.endsWith(e));
  }
  return exp === c.actual;
}

function run(file: string, body: Uint8Array, opts: { url?: string; contentType?: string } = {}): CaseResult {
  try {
    return { file, outcome: 'parsed', feed: parseFeed(body, opts), checks: [] };
  } catch (e) {
    if (e instanceof FeedError) return { file, outcome: 'rejected', reason: e.code, checks: [] };
    return { file, outcome: 'crashed', reason: String(e), checks: [] };
  }
}
const bytes = (p: string) => new Uint8Array(readFileSync(join(ROOT, p)));

/** feedparser: the data-form assertions whose path maps onto our model. */
function feedparserChecks(r: CaseResult, assertions: Json[]): void {
  for (const a of assertions.map(obj)) {
    const path = arr(a.path);
    const [top, i, field] = path;
    if (a.op !== '==' || typeof a.value === 'number') continue;
    const f = r.feed;
    const e = typeof i === 'number' ? f?.entries[i] : undefined;
    const entryLevel = (top === 'entries' || top === 'items') && typeof i === 'number' && path.length === 3;
    const feedLevel = (top === 'feed' || top === 'channel') && path.length === 2;
    const value = a.value ?? null;
    if (feedLevel && i === 'title')
      r.checks.push({ field: 'feed.title', expected: str(value), actual: f?.title ?? null, kind: 'text' });
    else if (feedLevel && i === 'link')
      r.checks.push({ field: 'feed.link', expected: str(value), actual: f?.link ?? null, kind: 'url' });
    else if (entryLevel && field === 'title')
      r.checks.push({ field: 'entry.title', expected: str(value), actual: e?.title ?? null, kind: 'text' });
    else if (entryLevel && field === 'link')
      r.checks.push({ field: 'entry.link', expected: str(value), actual: e?.link ?? null, kind: 'url' });
    else if (entryLevel && (field === 'id' || field === 'guid'))
      r.checks.push({ field: 'entry.id', expected: str(value), actual: e?.id ?? null, kind: 'exact' });
    else if (entryLevel && typeof field === 'string' && field.endsWith('_parsed') && Array.isArray(value)) {
      const [y, mo, d, h, mi, s] = value.map(Number);
      const iso = new Date(Date.UTC(y!, mo! - 1, d!, h!, mi!, s!)).toISOString().replace('.000Z', 'Z');
      // feedparser files dc:date under "updated" and pubDate under "published"; we keep one of each.
      const actual = e?.published === iso || e?.updated === iso ? iso : (e?.published ?? e?.updated ?? null);
      r.checks.push({ field: 'entry.date', expected: iso, actual, kind: 'exact' });
    }
  }
}

function suiteFeedparser(): CaseResult[] {
  const cases = arr(obj(readJson('feedparser/cases.json')).cases).map(obj);
  return cases.map((c) => {
    const path = str(c.path)!;
    const http = path.includes('/http/');
    const opts = http
      ? { url: `http://127.0.0.1:8097/tests/${path}`, contentType: str(c.http_content_type) ?? undefined }
      : {};
    const r = run(path, bytes(`feedparser/${path}`), opts);
    r.illFormed = c.suite === 'illformed';
    if (!path.endsWith('.json')) feedparserChecks(r, arr(c.assertions));
    return r;
  });
}

/** gofeed: the universal (translator) model and the per-format parser models, field by field. */
function gofeedChecks(
  r: CaseResult,
  gold: Record<string, Json>,
  model: 'universal' | 'rss' | 'atom' | 'json',
): void {
  const f = r.feed;
  const push = (field: string, expected: Json | undefined, actual: string | null, kind: Check['kind']) => {
    if (typeof expected === 'string') r.checks.push({ field, expected, actual, kind });
  };
  push('feed.title', gold.title, f?.title ?? null, 'text');
  if (model !== 'atom')
    push('feed.link', model === 'json' ? gold.home_page_url : gold.link, f?.link ?? null, 'url');
  const items = arr(gold.items ?? gold.entries).map(obj);
  items.forEach((it, i) => {
    const e = f?.entries[i];
    push('entry.title', it.title, e?.title ?? null, 'text');
    if (model !== 'atom') push('entry.link', model === 'json' ? it.url : it.link, e?.link ?? null, 'url');
    const guid = model === 'rss' ? (obj(it.guid).value ?? it.guid) : model === 'universal' ? it.guid : it.id;
    push('entry.id', guid, e?.id ?? null, 'exact');
    push('entry.published', it.publishedParsed, e?.published ?? null, 'date');
    push('entry.updated', it.updatedParsed, e?.updated ?? null, 'date');
    if (model === 'json') push('entry.published', it.date_published, e?.published ?? null, 'date');
  });
}

function suiteGofeed(): CaseResult[] {
  const out: CaseResult[] = [];
  const groups: [string, 'universal' | 'rss' | 'atom' | 'json'][] = [
    ['translator/rss', 'universal'],
    ['translator/atom', 'universal'],
    ['translator/json', 'universal'],
    ['parser/rss', 'rss'],
    ['parser/atom', 'atom'],
    ['parser/json', 'json'],
    ['extensions/dublincore', 'rss'],
    ['extensions/itunes', 'rss'],
    ['extensions/media', 'rss'],
  ];
  for (const [dir, model] of groups) {
    const files = readdirSync(join(ROOT, 'gofeed', dir));
    const inputs = files.filter(
      (f) =>
        (f.endsWith('.xml') || (f.endsWith('.json') && dir.endsWith('json'))) &&
        !f.endsWith('_expected.json'),
    );
    for (const f of inputs) {
      const goldName = f.endsWith('.xml')
        ? f.replace(/\.xml$/, '.json')
        : f.replace(/\.json$/, '_expected.json');
      if (!files.includes(goldName)) continue;
      const r = run(`${dir}/${f}`, bytes(`gofeed/${dir}/${f}`));
      r.illFormed = /issue_|invalid/.test(f);
      gofeedChecks(r, obj(readJson(`gofeed/${dir}/${goldName}`)), model);
      out.push(r);
    }
  }
  for (const c of arr(obj(readJson('gofeed/parser/universal/expectations.json')).cases).map(obj)) {
    const p = obj(c.parse);
    const r = run(str(c.file)!, bytes(`gofeed/${str(c.file)!}`));
    r.mustFail = p.error === true;
    const kind = r.feed ? (r.feed.kind === 'rdf' ? 'rss' : r.feed.kind) : null;
    if (!r.mustFail) {
      r.checks.push({ field: 'feed.kind', expected: str(p.feedType), actual: kind, kind: 'exact' });
      r.checks.push({
        field: 'feed.title',
        expected: str(p.feedTitle),
        actual: r.feed?.title ?? null,
        kind: 'text',
      });
    }
    out.push(r);
  }
  return out;
}

/** rss-parser: golden outputs of real feeds; title, link, guid/id and isoDate of every item. */
function suiteRssParser(): CaseResult[] {
  return arr(obj(readJson('rss-parser/cases.json')).cases)
    .map(obj)
    .map((c) => {
      const input = str(c.input)!;
      const r = run(input, bytes(`rss-parser/${input}`));
      if (!c.expected) {
        if (c.expected_error_contains) r.mustFail = true;
        return r;
      }
      const gold = obj(obj(readJson(`rss-parser/${str(c.expected)!}`)).feed);
      const f = r.feed;
      const push = (
        field: string,
        expected: Json | undefined,
        actual: string | null,
        kind: Check['kind'],
      ) => {
        if (typeof expected === 'string') r.checks.push({ field, expected, actual, kind });
      };
      push('feed.title', gold.title, f?.title ?? null, 'text');
      push('feed.link', gold.link, f?.link ?? null, 'url');
      arr(gold.items)
        .map(obj)
        .forEach((it, i) => {
          const e = f?.entries[i];
          push('entry.title', it.title, e?.title ?? null, 'text');
          push('entry.link', it.link, e?.link ?? null, 'url');
          push('entry.id', it.guid ?? it.id, e?.id ?? null, 'exact');
          push('entry.date', it.isoDate, e?.published ?? e?.updated ?? null, 'date');
        });
      return r;
    });
}

/** node-feedparser: the hand-transcribed assertions that concern entries, titles, links and ids. */
function suiteNodeFeedparser(): CaseResult[] {
  return arr(obj(readJson('node-feedparser/expectations.json')).cases)
    .map(obj)
    .map((c) => {
      const file = str(c.file)!;
      const x = obj(c.expect);
      const r = run(file, bytes(`node-feedparser/${file}`));
      r.illFormed = /error|invalid|illegal|dupes|gzip/.test(file);
      if (x.error) r.mustFail = true;
      const f = r.feed;
      const first = obj(x.first_item);
      const e0 = f?.entries[0];
      const push = (
        field: string,
        expected: Json | undefined,
        actual: string | null,
        kind: Check['kind'],
      ) => {
        if (typeof expected === 'string') r.checks.push({ field, expected, actual, kind });
      };
      if (typeof x.items === 'number' && !x.error)
        push('entries.length', String(x.items), f ? String(f.entries.length) : null, 'exact');
      push('entry.title', first.title, e0?.title ?? null, 'text');
      push('entry.id', first.guid, e0?.id ?? null, 'exact');
      push('entry.link', first.link, e0?.link ?? null, 'url');
      push('entry.author', first.author, e0?.author ?? null, 'text');
      if (typeof first.title_matches === 'string') {
        const ok = new RegExp(first.title_matches).test(e0?.title ?? '');
        push('entry.title ~', first.title_matches, ok ? first.title_matches : (e0?.title ?? null), 'exact');
      }
      push('feed.link', obj(x.meta).link, f?.link ?? null, 'url');
      arr(obj(x.lenient_mode).item_titles).forEach((t, i) =>
        push('entry.title', t, f?.entries[i]?.title ?? null, 'text'),
      );
      arr(x.item_links_prefix).forEach((l, i) => push('entry.link', l, f?.entries[i]?.link ?? null, 'url'));
      return r;
    });
}

const pct = (a: number, b: number) => (b === 0 ? 'n/a' : `${((100 * a) / b).toFixed(1)}%`);

function summarise(name: string, results: CaseResult[]): string[] {
  const parsed = results.filter((r) => r.outcome === 'parsed').length;
  const crashed = results.filter((r) => r.outcome === 'crashed');
  const reasons = new Map<string, number>();
  for (const r of results)
    if (r.reason && r.outcome === 'rejected') reasons.set(r.reason, (reasons.get(r.reason) ?? 0) + 1);
  const compared = results.filter((r) => r.checks.length > 0 || r.mustFail !== undefined);
  const caseOk = (r: CaseResult) =>
    r.mustFail === true ? r.outcome === 'rejected' : r.outcome === 'parsed' && r.checks.every(agrees);
  const checks = results.flatMap((r) => r.checks);
  const rejectedText = [...reasons].map(([k, v]) => `${k} ${v}`).join(', ') || '0';
  return [
    name,
    String(results.length),
    String(parsed),
    `${results.length - parsed - crashed.length} (${rejectedText})`,
    String(crashed.length),
    `${pct(compared.filter(caseOk).length, compared.length)} of ${compared.length}`,
    `${pct(checks.filter(agrees).length, checks.length)} of ${checks.length}`,
  ];
}

function disagreements(results: CaseResult[], limit: number): string[] {
  const out: string[] = [];
  for (const r of results) {
    if (r.mustFail === true && r.outcome !== 'rejected') out.push(`${r.file}: must be rejected, was parsed`);
    for (const c of r.checks)
      if (!agrees(c))
        out.push(
          `${r.file}: ${c.field} expected ${JSON.stringify(c.expected)}, got ${JSON.stringify(c.actual)}`,
        );
  }
  return out.slice(0, limit);
}

function dateSuite(): [number, number] {
  const cases = arr(obj(readJson('feedparser/date-parsers.json')).cases).map(obj);
  const ok = cases.filter((c) => parseFeedDate(str(c.input)) === (str(c.expected_utc) ?? null)).length;
  return [ok, cases.length];
}

export async function benchFeeds(): Promise<void> {
  const t0 = performance.now();
  const suites: [string, CaseResult[]][] = [
    ['feedparser', suiteFeedparser()],
    ['gofeed', suiteGofeed()],
    ['rss-parser', suiteRssParser()],
    ['node-feedparser', suiteNodeFeedparser()],
  ];
  const ms = performance.now() - t0;
  printTable(
    `feed parsing against four parsers' suites (${fmtMs(ms)} for all, reading files included)`,
    ['suite', 'cases', 'parsed', 'rejected (FeedError code)', 'crashed', 'cases agreeing', 'fields agreeing'],
    suites.map(([n, r]) => summarise(n, r)),
  );
  const [dOk, dAll] = dateSuite();
  process.stdout.write(
    `compared: feed title and link, entry title, link, id/guid and dates (as instants, UTC), where the
suite records them; titles as plain text (upstream HTML is reduced to text first), links ignoring
one trailing slash. "cases agreeing": every compared field of the case agrees, or a case that must
fail was rejected. feedparser: only its data-form "==" assertions on those fields (bozo flags,
sanitised HTML, *_detail and the 45 expression-only cases are not compared); gofeed: goldens of the
universal and per-format models plus expectations.json; rss-parser: goldens; node-feedparser: the
assertions on item counts, first item, item titles/links and meta.link.
feedparser date-parsers.json: ${dOk}/${dAll} (${pct(dOk, dAll)}) strings read to the expected UTC instant or rejected.\n`,
  );
  const ill = suites.flatMap(([n, rs]) => rs.filter((r) => r.illFormed).map((r) => [n, r] as const));
  printTable(
    'ill-formed inputs: recovered (parsed, with warnings) or rejected',
    ['suite', 'file', 'outcome', 'entries / reason', 'first warning'],
    ill.map(([n, r]) => [
      n,
      r.file,
      r.outcome === 'parsed' ? (r.feed!.warnings.length ? 'recovered' : 'parsed clean') : r.outcome,
      r.feed ? String(r.feed.entries.length) : (r.reason ?? ''),
      (r.feed?.warnings[0] ?? '').slice(0, 70),
    ]),
  );
  const crashes = suites.flatMap(([, rs]) => rs.filter((r) => r.outcome === 'crashed'));
  for (const c of crashes) process.stdout.write(`CRASH ${c.file}: ${c.reason}\n`);
  if (process.env.BENCH_VERBOSE)
    for (const [n, rs] of suites) process.stdout.write(`\n${n}:\n  ${disagreements(rs, 400).join('\n  ')}\n`);
}
