/**
 * @module extract/lexicon/load
 * Reads the lexicon files (data/lexicons/<lang>.yaml). This is the extractor's only file I/O, done
 * by the caller before `createExtractor`, as the registry is. A file that is not YAML, or names no
 * valid language, is left out; any other invalid entry is left out alone: one bad phrase must not
 * silence a language. Every problem is reported, naming the file and the entry.
 */
import { AppError } from '../../errors.js';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { z } from 'zod';
import { dataPath } from '../../paths.js';
import { compileLexicons, type Lexicons } from './compile.js';
import { lexiconSchema, type Lexicon } from './schema.js';

export const defaultLexiconDir = dataPath('lexicons');

const where = (issue: z.core.$ZodIssue) => issue.path.map(String).join('.');

/**
 * The entry at `path` removed from `doc` (an array element, or an object key), so the rest can be
 * validated again; false when the path does not lead anywhere removable.
 */
function removeAt(doc: unknown, path: readonly PropertyKey[]): boolean {
  if (!path.length) return false;
  let node: unknown = doc;
  for (const key of path.slice(0, -1)) {
    if (node === null || typeof node !== 'object') return false;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  const last = path.at(-1)!;
  if (Array.isArray(node) && typeof last === 'number') {
    node.splice(last, 1);
    return true;
  }
  if (node !== null && typeof node === 'object' && last in node) {
    delete (node as Record<PropertyKey, unknown>)[last];
    return true;
  }
  return false;
}

/**
 * Leaves out what an issue is about: unknown keys; else the list item it is inside ("titles.2"),
 * or else the entry of a section ("dates.months").
 */
function leaveOut(doc: unknown, issue: z.core.$ZodIssue): boolean {
  if (issue.code === 'unrecognized_keys') return issue.keys.every((k) => removeAt(doc, [...issue.path, k]));
  const item = issue.path.findLastIndex((k) => typeof k === 'number');
  return removeAt(doc, item >= 0 ? issue.path.slice(0, item + 1) : issue.path.slice(0, 2));
}

/** A parsed file validated, invalid entries left out and reported; undefined when nothing is left. */
export function validateLexicon(file: string, doc: unknown, problems: string[]): Lexicon | undefined {
  for (let tries = 0; tries < 1000; tries++) {
    const parsed = lexiconSchema.safeParse(doc);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0]!;
    problems.push(`${file}: ${where(issue) || '(file)'}: ${issue.message}; left out`);
    if (issue.path[0] === 'lang' || !leaveOut(doc, issue)) return undefined;
  }
  return undefined;
}

/** Every `*.yaml` of `dir`, parsed and validated, with the problems met. */
export function readLexicons(dir = defaultLexiconDir): { lexicons: Lexicon[]; problems: string[] } {
  const lexicons: Lexicon[] = [];
  const problems: string[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()) {
    let doc: unknown;
    try {
      doc = parse(readFileSync(join(dir, file), 'utf8'));
    } catch (e) {
      problems.push(`${file}: not valid YAML (${(e as Error).message.split('\n')[0]}); left out`);
      continue;
    }
    const lex = validateLexicon(file, doc, problems);
    if (lex) lexicons.push(lex);
  }
  return { lexicons, problems };
}

/** Lexicon files with problems, for a check that must fail on them (`registry check`). */
export class LexiconDataError extends AppError {
  override readonly name = 'LexiconDataError';
  readonly code = 'bad_lexicon_data';
  readonly status = 500;
  constructor(readonly problems: readonly string[]) {
    super(problems.join('\n'));
  }
}

/** Reads and compiles the lexicons of `dir`. */
export function loadLexicons(dir = defaultLexiconDir): Lexicons {
  const { lexicons, problems } = readLexicons(dir);
  return compileLexicons(lexicons, problems);
}
