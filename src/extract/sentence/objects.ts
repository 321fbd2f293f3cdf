/**
 * @module extract/sentence/objects
 * Whether a person named beside a verb is its object: "welcomed his Sudanese counterpart Omar
 * al-Bashir", "talks with Putin", but not "welcomed the warrant for Bashir". The words between
 * them may only be his own (titles, "his"), and few. And whether a person is named only as an
 * owner ("Putin's spokesman", "his aide").
 */
import type { CueHit, Facts } from './types.js';
import type { CueKind, WordSet } from '../lexicon/index.js';
import type { Mention } from '../names/index.js';
import type { Token } from '../text/index.js';

// At most this many words between the verb and the person.
const OBJECT_REACH = 3;
// Words between them that are still the person's own: his titles, "his".
const OWN = new Set<CueKind>(['attributive', 'pronoun']);

/**
 * Whether `m` is the object of `verb`. After the verb by default; with `either`, also before it
 * (the passive: "Bashir was welcomed by ..."). A pronoun object stands right after its verb ("met him").
 */
export function objectOf(m: Mention, verb: CueHit, f: Facts, either = false): boolean {
  const after = m.from >= verb.to;
  if (!after && !either) return false;
  const [from, to] = after ? [verb.to, m.from] : [m.to, verb.from];
  const reach = m.via === 'pronoun' && after ? 0 : OBJECT_REACH;
  if (to < from || to - from > reach) return false;
  return !f.cues.some((c) => c.from >= from && c.to <= to && !OWN.has(c.kind));
}

/**
 * A mention that names an owner ("Putin's", "his"), not the one who acts: a possessive "s", or a
 * pronoun among the lexicons' possessives. Object pronouns ("him") name the person himself.
 */
export function possessive(m: Mention, tokens: readonly Token[], possessives: WordSet): boolean {
  return tokens[m.to]?.key === 's' || (m.via === 'pronoun' && possessives.has(tokens[m.from]!.key));
}
