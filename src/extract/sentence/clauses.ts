/**
 * @module extract/clauses
 * Where a sentence breaks into clauses (at commas, semicolons, colons, brackets and dashes) and
 * into verb phrases (at "and" before a new tense), token by token: the trip rules give each place
 * the status of its own clause or verb phrase.
 */
import type { CueHit } from './types.js';
import type { CueKind } from '../lexicon/index.js';
import { isCapitalized, type Token } from '../text/index.js';

// Also the full-width marks of Chinese and Japanese, and Ethiopic punctuation.
const CLAUSE_BREAK = /[,;:()\[\]–—،؛，、；：（）「」『』【】፣፤፥፦]|\s-\s|\.\s/u;
// A conjunction before one of these starts a new verb phrase with its own tense: "spoke in New York
// on Thursday and is scheduled to meet him in Washington on Monday".
const TENSES = new Set<CueKind>(['future', 'past', 'arrive', 'present', 'cancel', 'remote']);

/** Clause and verb-phrase index of every token of a sentence (tokens [from, to)). */
export function clauseIndexes(
  text: string,
  tokens: readonly Token[],
  cues: readonly CueHit[],
  from: number,
  to: number,
): { clauses: number[]; phrases: number[] } {
  // Token indexes where a conjunction starts, and where a tense cue starts: asked of every token.
  const conjunctions = new Set<number>();
  const tenses = new Set<number>();
  for (const c of cues) {
    if (c.kind === 'conjunction') conjunctions.add(c.from);
    else if (TENSES.has(c.kind)) tenses.add(c.from);
  }
  const clauses: number[] = [];
  const phrases: number[] = [];
  let clause = 0;
  let phrase = 0;
  for (let i = from; i < to; i++) {
    // "and will fly", "and was set to": a tense cue right after the conjunction, or after one
    // word more in lower case (an auxiliary; "and Vietnam next week" lists a place).
    const auxiliary = i + 1 < to && tenses.has(i + 1) && !isCapitalized(tokens[i]!.raw);
    const conjunction = i > from && conjunctions.has(i - 1) && (tenses.has(i) || auxiliary);
    if (conjunction) phrase++;
    if (i > from && (conjunction || breaksClause(text, tokens[i - 1]!.end, tokens[i]!.start))) clause++;
    clauses.push(clause);
    phrases.push(phrase);
  }
  return { clauses, phrases };
}

/** Whether the text between two tokens ends a clause; most gaps are one space and cannot. */
function breaksClause(text: string, from: number, to: number): boolean {
  if (to - from === 1 && text.charCodeAt(from) === 0x20) return false;
  return CLAUSE_BREAK.test(text.slice(from, to));
}
