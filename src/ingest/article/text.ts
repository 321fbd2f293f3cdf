/**
 * @module ingest/article/text
 * A DOM subtree → plain text: one paragraph per block element, separated by a blank line.
 */
import type { DomElement, DomNode } from './dom.js';

/** Elements that start a new paragraph. Inline elements (a, b, span...) join the text around them. */
const BLOCK = new Set(
  'address article aside blockquote dd details div dl dt figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table tbody td tfoot th thead tr ul'.split(
    ' ',
  ),
);
/** Never text for a reader, whatever the extractor left in. */
const SKIP = new Set(
  'script style noscript template svg iframe object embed canvas select button head'.split(' '),
);

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** Collapse runs of white space (including no-break spaces) inside one paragraph. */
export function normalizeSpace(s: string): string {
  return s.replace(/[\s\u00a0\u200b\ufeff]+/g, ' ').trim();
}

/** Characters of link text inside `el`: navigation and related-story lists are mostly links. */
export function linkTextLength(el: DomElement): number {
  let n = 0;
  for (const a of Array.from(el.querySelectorAll('a'))) n += normalizeSpace(a.textContent ?? '').length;
  return n;
}

/**
 * Walk the subtree without recursion (pages can nest deep) and cut it into paragraphs at block
 * boundaries and <br>. Returns the paragraphs, each normalised, none empty.
 */
export function paragraphsOf(root: DomNode): string[] {
  const out: string[] = [];
  let buf = '';
  const flush = () => {
    const p = normalizeSpace(buf);
    if (p) out.push(p);
    buf = '';
  };
  // Stack entries: a node to visit, or the string 'end' marking the close of a block element.
  const stack: (DomNode | 'end')[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (node === 'end') {
      flush();
      continue;
    }
    if (node.nodeType === TEXT_NODE) {
      buf += node.nodeValue ?? '';
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE && node !== root) continue;
    const name = (node as DomElement).localName?.toLowerCase() ?? '';
    if (SKIP.has(name) && node !== root) continue;
    if (name === 'br') {
      flush();
      continue;
    }
    const block = BLOCK.has(name);
    if (block) {
      flush();
      stack.push('end');
    }
    const kids = node.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
  flush();
  return out;
}

/** The text of a subtree, paragraphs separated by "\n\n". */
export function textOf(root: DomNode): string {
  return paragraphsOf(root).join('\n\n');
}
