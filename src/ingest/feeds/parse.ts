/**
 * @module ingest/feeds/parse
 * parseFeed: decode, sniff the format, run its parser, adapt. Refuses clearly (FeedError) what is
 * not a feed; recovers, with warnings, what is a damaged one.
 */
import { adapt, type ParsedFeed } from './adapter.js';
import { parseAtom } from './atom.js';
import { decodeBody } from './decode.js';
import { FeedError, positionOf } from './errors.js';
import { parseJsonFeed } from './json.js';
import { parseRss } from './rss.js';
import { parseXml } from './xml.js';

export interface ParseFeedOptions {
  /** Where the body came from: the base for relative links. */
  url?: string;
  /** The HTTP Content-Type, whose charset applies to byte bodies. */
  contentType?: string;
}

const HTML_ROOTS = new Set(['html', 'head', 'body']);

function parseJson(text: string, url: string | null): ParsedFeed {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    const at = /position (\d+)/.exec(String(e))?.[1];
    const pos = at ? positionOf(text, Number(at)) : undefined;
    throw new FeedError('malformed', `invalid JSON: ${(e as Error).message}`, pos?.line, pos?.column);
  }
  return adapt(parseJsonFeed(doc, url), []);
}

function parseXmlFeed(text: string, url: string | null, warnings: string[]): ParsedFeed {
  if (/^\s*(?:<!--[\s\S]*?-->\s*)*<!DOCTYPE\s+html/i.test(text))
    throw new FeedError('html_not_feed', 'body is an HTML page (<!DOCTYPE html>), not a feed');
  const doc = parseXml(text);
  const root = doc.root;
  if (!root) throw new FeedError('malformed', 'no root element: the body has markup but no XML element');
  const local = root.local.toLowerCase();
  if (HTML_ROOTS.has(local))
    throw new FeedError('html_not_feed', `body is an HTML page (<${root.name}>), not a feed`);
  const all = [...warnings, ...doc.problems.map((p) => `not well-formed XML: ${p}`)];
  if (doc.junkBeforeRoot) all.push('text before the root element was ignored');
  if (local === 'rss' || local === 'rdf') return adapt(parseRss(root, text, url), all);
  if (local === 'feed') return adapt(parseAtom(root, text, url), all);
  throw new FeedError('not_a_feed', `root element <${root.name}> is not <rss>, <rdf:RDF> or <feed>`);
}

/** Parses RSS 0.9x/1.0/2.0, Atom 0.3/1.0 or JSON Feed 1.x; throws FeedError when it is none of these. */
export function parseFeed(body: string | Uint8Array, opts: ParseFeedOptions = {}): ParsedFeed {
  const { text, warnings } = decodeBody(body, opts.contentType);
  const start = text.search(/\S/);
  if (start === -1) throw new FeedError('empty', 'feed body is empty');
  const url = opts.url ?? null;
  const first = text[start];
  if (first === '{' || first === '[') return parseJson(text, url);
  if (!text.includes('<'))
    throw new FeedError('not_a_feed', 'body is neither XML nor JSON (no markup at all)');
  return parseXmlFeed(text, url, warnings);
}
