/**
 * @module ingest/feeds/entities
 * Character references in feed text: XML's five, numeric ones, and the HTML names feeds use anyway.
 */
import { parseHTML } from 'linkedom';

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * HTML named entities (&eacute;, &nbsp;...) are undeclared in XML but common in feeds. linkedom's
 * HTML parser knows all 2,231 of them; asking it once per distinct name keeps us from copying the table.
 */
const htmlNames = new Map<string, string | null>();
function htmlEntity(name: string): string | null {
  let value = htmlNames.get(name);
  if (value === undefined) {
    value = null;
    if (htmlNames.size > 4096) htmlNames.clear(); // hostile input must not grow the cache without bound
    const text: string | null | undefined = parseHTML(
      `<html><body><p>&${name};</p></body></html>`,
    ).document.querySelector('p')?.textContent;
    if (text && text !== `&${name};`) value = text;
    htmlNames.set(name, value);
  }
  return value;
}

function codePoint(n: number): string {
  // C1 controls in numeric references mean windows-1252 in practice (HTML5 does the same remapping).
  if (n >= 0x80 && n <= 0x9f) return new TextDecoder('windows-1252').decode(new Uint8Array([n]));
  return n > 0 && n <= 0x10ffff && !(n >= 0xd800 && n <= 0xdfff) ? String.fromCodePoint(n) : '\ufffd';
}

export interface EntityContext {
  /** Entities declared in the document's internal DTD subset, already bounded in size. */
  declared?: ReadonlyMap<string, string>;
  /** Called once per reference that could not be resolved, or per bare `&`. */
  onProblem?: (what: string, offset: number) => void;
}

const REF = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][\w.-]{0,31}));?/g;

/**
 * Replaces character and entity references in `raw`. Unknown names and bare ampersands stay as
 * literal text (what a reader sees in a browser) and are reported, never thrown.
 */
export function decodeEntities(raw: string, ctx: EntityContext = {}, baseOffset = 0): string {
  if (!raw.includes('&')) return raw;
  const out = raw.replace(
    REF,
    (m, dec: string | undefined, hex: string | undefined, name: string | undefined, at: number) => {
      if (dec !== undefined) return codePoint(Number.parseInt(dec, 10));
      if (hex !== undefined) return codePoint(Number.parseInt(hex, 16));
      const known = XML_ENTITIES[name!] ?? ctx.declared?.get(name!) ?? htmlEntity(name!);
      if (known !== null && known !== undefined && (m.endsWith(';') || name! in XML_ENTITIES)) return known;
      ctx.onProblem?.(`undefined entity ${m}`, baseOffset + at);
      return m;
    },
  );
  if (ctx.onProblem && /&(?![#\w])/.test(raw))
    ctx.onProblem('bare "&" in text', baseOffset + raw.search(/&(?![#\w])/));
  return out;
}
