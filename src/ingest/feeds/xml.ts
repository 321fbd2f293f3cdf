/**
 * @module ingest/feeds/xml
 * A forgiving XML reader: builds a namespace-aware tree and reports, instead of throwing on, what a
 * strict parser would reject (bare &, undefined entities, mismatched or missing end tags, truncation).
 */
import { decodeEntities } from './entities.js';
import { positionOf } from './errors.js';
import { KNOWN_PREFIXES, type XmlElement, type XmlNode } from './xml-tree.js';

export interface XmlDocument {
  root: XmlElement | null;
  /** Well-formedness problems, with line and column; empty for a well-formed document. */
  problems: string[];
  /** Offset of the first non-whitespace character before the root that was not markup. */
  junkBeforeRoot: boolean;
}

const MAX_PROBLEMS = 20;
/** Bound on the text produced by DTD-declared entities: the billion-laughs defence. */
const MAX_ENTITY_EXPANSION = 1 << 20;
const NAME = /^[A-Za-z_:\u00c0-\uffff][\w:.\-\u00b7\u00c0-\uffff]*/;
const ATTR = /([^\s=/>]+)\s*(?:=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;

/** Internal-subset entity declarations; values that refer to other entities are not expanded at all. */
function readDoctype(decl: string, problem: (m: string) => void): Map<string, string> {
  const map = new Map<string, string>();
  let budget = MAX_ENTITY_EXPANSION;
  for (const m of decl.matchAll(/<!ENTITY\s+([\w.-]+)\s+(?:"([^"]*)"|'([^']*)')\s*>/g)) {
    const value = m[2] ?? m[3] ?? '';
    if (value.includes('&') || value.includes('<'))
      problem(`entity "${m[1]}" refers to other entities; not expanded`);
    else if ((budget -= value.length) >= 0) map.set(m[1]!, value);
  }
  return map;
}

export function parseXml(text: string): XmlDocument {
  const problems: string[] = [];
  const problem = (msg: string, at: number, always = false) => {
    if (problems.length >= MAX_PROBLEMS && !always) return;
    const { line, column } = positionOf(text, at);
    problems.push(`${msg} at line ${line}, column ${column}`);
  };
  let declared = new Map<string, string>();
  let expansion = 0;
  const entityCtx = {
    get declared() {
      return expansion < MAX_ENTITY_EXPANSION ? declared : undefined;
    },
    onProblem: problem,
  };
  const doc: XmlDocument = { root: null, problems, junkBeforeRoot: false };
  const stack: XmlElement[] = [];
  const pushText = (s: string, at: number, raw: boolean) => {
    const parent = stack[stack.length - 1];
    if (!parent) {
      if (s.trim() && !doc.root) doc.junkBeforeRoot = true;
      return;
    }
    const value = raw ? s : decodeEntities(s, entityCtx, at);
    expansion += value.length - s.length;
    parent.children.push(value);
  };
  let i = 0;
  const n = text.length;
  while (i < n) {
    const lt = text.indexOf('<', i);
    if (lt === -1) {
      pushText(text.slice(i), i, false);
      break;
    }
    if (lt > i) pushText(text.slice(i, lt), i, false);
    if (text.startsWith('<!--', lt)) {
      const end = text.indexOf('-->', lt + 4);
      i = end === -1 ? n : end + 3;
    } else if (text.startsWith('<![CDATA[', lt)) {
      const end = text.indexOf(']]>', lt + 9);
      if (end === -1) problem('unterminated CDATA section', lt);
      pushText(text.slice(lt + 9, end === -1 ? n : end), lt, true);
      i = end === -1 ? n : end + 3;
    } else if (text.startsWith('<?', lt)) {
      const end = text.indexOf('?>', lt + 2);
      i = end === -1 ? n : end + 2;
    } else if (/^<!DOCTYPE/i.test(text.slice(lt, lt + 9))) {
      const close = text.indexOf(
        text.indexOf('[', lt) !== -1 && text.indexOf('[', lt) < text.indexOf('>', lt) ? ']' : '>',
        lt,
      );
      const end = close === -1 ? n : text.indexOf('>', close);
      declared = readDoctype(text.slice(lt, end === -1 ? n : end), (m) => problem(m, lt));
      i = end === -1 ? n : end + 1;
    } else if (text[lt + 1] === '/') {
      const end = text.indexOf('>', lt);
      const name = text.slice(lt + 2, end === -1 ? n : end).trim();
      i = end === -1 ? n : end + 1;
      const depth = stack.findLastIndex((e) => e.name === name);
      if (depth === -1) {
        problem(`end tag </${name}> without a start tag`, lt);
        continue;
      }
      if (depth !== stack.length - 1)
        problem(`end tag </${name}> closes unclosed <${stack[stack.length - 1]!.name}>`, lt);
      while (stack.length > depth) stack.pop()!.innerEnd = lt;
    } else {
      const name = NAME.exec(text.slice(lt + 1, lt + 200))?.[0];
      if (!name) {
        problem('"<" that starts no tag', lt);
        pushText('<', lt, true);
        i = lt + 1;
        continue;
      }
      const el = openTag(text, lt, name, stack[stack.length - 1], problem);
      if (stack.length === 0 && doc.root) {
        problem(`second root element <${name}>`, lt);
      }
      if (stack.length === 0 && !doc.root) doc.root = el;
      else stack[stack.length - 1]?.children.push(el);
      i = el.innerStart;
      if (!el.selfClosing) stack.push(el);
    }
  }
  // Said even past MAX_PROBLEMS: it is what explains the entries that are dropped.
  if (stack.length) problem(`document ends inside <${stack[stack.length - 1]!.name}> (truncated?)`, n, true);
  for (const el of stack) {
    el.truncated = true;
    el.innerEnd = n;
  }
  return doc;
}

function openTag(
  text: string,
  lt: number,
  name: string,
  parent: XmlElement | undefined,
  problem: (m: string, at: number) => void,
): XmlElement {
  let end = lt + 1 + name.length;
  let quote = '';
  for (; end < text.length; end++) {
    const c = text[end]!;
    if (quote) quote = c === quote ? '' : quote;
    else if (c === '"' || c === "'") quote = c;
    else if (c === '>' || c === '<') break;
  }
  if (text[end] !== '>') problem(`start tag <${name}> is not closed`, lt);
  const selfClosing = text[end - 1] === '/';
  const attrSrc = text.slice(lt + 1 + name.length, selfClosing ? end - 1 : end);
  const attrs: Record<string, string> = {};
  for (const m of attrSrc.matchAll(ATTR)) {
    const v = m[2] ?? m[3] ?? m[4] ?? '';
    attrs[m[1]!] = v.includes('&') ? decodeEntities(v) : v;
  }
  let namespaces = parent?.namespaces ?? KNOWN_PREFIXES;
  for (const [k, v] of Object.entries(attrs)) {
    if (k !== 'xmlns' && !k.startsWith('xmlns:')) continue;
    if (namespaces === (parent?.namespaces ?? KNOWN_PREFIXES)) namespaces = new Map(namespaces); // copy on write
    (namespaces as Map<string, string>).set(k === 'xmlns' ? '' : k.slice(6), v.trim());
  }
  const colon = name.indexOf(':');
  const prefix = colon === -1 ? '' : name.slice(0, colon);
  const ns = namespaces.get(prefix) ?? (prefix ? `urn:undeclared:${prefix}` : '');
  const innerStart = text[end] === '>' ? end + 1 : end;
  const el: XmlElement = {
    name,
    local: colon === -1 ? name : name.slice(colon + 1),
    ns,
    attrs,
    children: [],
    namespaces,
    start: lt,
    innerStart,
    innerEnd: innerStart,
    selfClosing,
    truncated: false,
  };
  return el;
}

export type { XmlElement, XmlNode };
