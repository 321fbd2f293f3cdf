/**
 * @module ingest/feeds/xml-tree
 * The tree the XML reader builds, the namespaces feeds use, and small helpers to walk it.
 */

export interface XmlElement {
  name: string;
  local: string;
  /** Namespace URI; `urn:undeclared:<prefix>` when a prefix was never declared. */
  ns: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  namespaces: ReadonlyMap<string, string>;
  /** Offset of the start tag's "<" in the source text: where a damaged element is reported. */
  start: number;
  /** Offsets of the element's content in the source text, for XHTML content kept as markup. */
  innerStart: number;
  innerEnd: number;
  selfClosing: boolean;
  /** True when the document ended before this element's end tag. */
  truncated: boolean;
}
export type XmlNode = XmlElement | string;

export const NS = {
  atom10: 'http://www.w3.org/2005/Atom',
  atom03: 'http://purl.org/atom/ns#',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  rss10: 'http://purl.org/rss/1.0/',
  rss090: 'http://my.netscape.com/rdf/simple/0.9/',
  dc: 'http://purl.org/dc/elements/1.1/',
  dcterms: 'http://purl.org/dc/terms/',
  content: 'http://purl.org/rss/1.0/modules/content/',
  xhtml: 'http://www.w3.org/1999/xhtml',
  feedburner: 'http://rssnamespace.org/feedburner/ext/1.0',
  xml: 'http://www.w3.org/XML/1998/namespace',
} as const;

/**
 * Prefixes that feeds use without declaring them (gofeed issue 303: `content:encoded` with no
 * xmlns:content). Declared prefixes override these; the default namespace starts empty.
 */
export const KNOWN_PREFIXES: ReadonlyMap<string, string> = new Map([
  ['', ''],
  ['xml', NS.xml],
  ['dc', NS.dc],
  ['dcterms', NS.dcterms],
  ['content', NS.content],
  ['atom', NS.atom10],
  ['rdf', NS.rdf],
  ['xhtml', NS.xhtml],
  ['feedburner', NS.feedburner],
]);

export const isElement = (n: XmlNode): n is XmlElement => typeof n !== 'string';

/** Child elements named `local` in one of `ns` (any namespace when `ns` is omitted). */
export function childrenNamed(el: XmlElement, local: string, ns?: readonly string[]): XmlElement[] {
  return el.children.filter(
    (c): c is XmlElement => isElement(c) && c.local === local && (!ns || ns.includes(c.ns)),
  );
}

export function childNamed(el: XmlElement, local: string, ns?: readonly string[]): XmlElement | undefined {
  return el.children.find(
    (c): c is XmlElement => isElement(c) && c.local === local && (!ns || ns.includes(c.ns)),
  );
}

/** All text below `el`, markup dropped (entities and CDATA were resolved by the reader). */
export function textContent(el: XmlElement): string {
  let out = '';
  for (const c of el.children) out += typeof c === 'string' ? c : textContent(c);
  return out;
}

/** The element's `xml:base`, if any, resolved against the base in force at its parent. */
export function baseFor(el: XmlElement, parentBase: string | null): string | null {
  const b = el.attrs['xml:base'];
  if (b === undefined) return parentBase;
  return resolveUrl(b, parentBase) ?? parentBase;
}

/** A relative reference made absolute; absolute or unresolvable references are returned as given. */
export function resolveUrl(ref: string, base: string | null): string | null {
  const r = ref.trim();
  if (!r && !base) return null;
  // Absolute references are kept byte for byte: URL() would add a trailing slash or re-encode them.
  if (/^[a-z][\w+.-]*:/i.test(r)) return r;
  try {
    return new URL(r, base ?? undefined).href;
  } catch {
    return r || null;
  }
}
