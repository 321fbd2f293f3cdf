/**
 * @module extract/eval/lenient
 * Reads the "lenient" alternatives a labeller wrote in a case's free-text notes. Across the corpus
 * they take four shapes, each read from the sentence that holds the word "lenient":
 *   - an alternative date: "(lenient: 2023-12-06)", "(lenient start 2015-09-03)",
 *     "end blank, lenient 2025-01-21" (the field is the start/end word between "lenient" and the date,
 *     else the nearest one earlier in the same clause, else start);
 *   - an alternative value: "accept Bishkek as a lenient alternative" (a date, a status, or a city);
 *   - an optional event: "... a completed past trip -- lenient: a scorer may ignore it";
 *   - an extra event that is not a false alarm: "... -> not a call_to_arrest (lenient)".
 * A sentence that names a labelled value (a city or a date of one expected event) scopes the rule to
 * the events carrying it; otherwise it applies to every event of the case. Sentences that fit no
 * shape are returned as `unparsed` so the report can show them.
 */
import { eventTypes, tripStatuses } from './cases.js';
import type { EventType, TripStatus } from '../../model.js';

export type Field = 'start' | 'end' | 'city' | 'status';

export type LenientRule =
  | { kind: 'alternative'; field: Field; value: string; sentence: string }
  | { kind: 'optional'; types: EventType[]; statuses: TripStatus[]; sentence: string }
  | { kind: 'extra_allowed'; type: EventType; sentence: string };

export interface Leniency {
  rules: LenientRule[];
  unparsed: string[];
}

const DATE = /\b\d{4}-\d{2}-\d{2}\b/g;
const word = (alternatives: readonly string[]) => new RegExp(`\\b(${alternatives.join('|')})\\b`, 'g');
const TYPE_WORD = word(eventTypes);
const STATUS_WORD = word(tripStatuses);

/** Sentences of a note; "Jan. 19" and "Sept. 3" do not end one (a sentence ends before a capital or quote). */
export function noteSentences(notes: string): string[] {
  return notes
    .split(/(?<=[.!?])\s+(?=[\p{Lu}'"‘“(\p{Script=Arabic}\p{Script=Cyrillic}])/u)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** start or end, for a date written after "lenient" in this sentence. */
function dateField(sentence: string, lenientAt: number, dateAt: number): 'start' | 'end' {
  const between = sentence.slice(lenientAt, dateAt).match(/\b(start|end)\b/);
  if (between) return between[1] as 'start' | 'end';
  const before = sentence.slice(0, lenientAt);
  const clause = before.slice(Math.max(before.lastIndexOf('->'), before.lastIndexOf(';')) + 1);
  const fields = [...clause.matchAll(/\b(start|end)\b/g)];
  return (fields.at(-1)?.[1] as 'start' | 'end' | undefined) ?? 'start';
}

function valueRule(value: string, sentence: string, lenientAt: number, valueAt: number): LenientRule {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value))
    return { kind: 'alternative', field: dateField(sentence, lenientAt, valueAt), value, sentence };
  if ((tripStatuses as readonly string[]).includes(value))
    return { kind: 'alternative', field: 'status', value, sentence };
  return { kind: 'alternative', field: 'city', value, sentence };
}

/** The rules one sentence containing "lenient" states (none when it fits no known shape). */
function sentenceRules(sentence: string): LenientRule[] {
  const at = sentence.search(/lenient/i);
  if (/\b(may|can)\s+(be\s+)?ignored?\b|\boptional\b/i.test(sentence))
    return [
      {
        kind: 'optional',
        types: [...sentence.matchAll(TYPE_WORD)].map((m) => m[1] as EventType),
        statuses: [...sentence.matchAll(STATUS_WORD)].map((m) => m[1] as TripStatus),
        sentence,
      },
    ];
  const extra = [...sentence.matchAll(/\bnot\s+(?:an?\s+)?([a-z_]+)\b/g)]
    .map((m) => m[1]!)
    .find((t) => (eventTypes as readonly string[]).includes(t));
  if (extra) return [{ kind: 'extra_allowed', type: extra as EventType, sentence }];
  const accept = /\baccept\s+(?:also\s+)?(.+?)\s+as\s+(?:an?\s+)?lenient\b/i.exec(sentence);
  if (accept) return [valueRule(accept[1]!.trim(), sentence, at, accept.index)];
  const after = sentence.slice(at);
  const dates = [...after.matchAll(DATE)].map((m) => valueRule(m[0], sentence, at, at + m.index));
  if (dates.length) return dates;
  const status = /^lenient\s*[:=]?\s*([a-z_]+)/i.exec(after);
  if (status && (tripStatuses as readonly string[]).includes(status[1]!))
    return [{ kind: 'alternative', field: 'status', value: status[1]!, sentence }];
  return [];
}

/** Every lenient rule of a case's notes. */
export function parseLeniency(notes: string): Leniency {
  const rules: LenientRule[] = [];
  const unparsed: string[] = [];
  for (const sentence of noteSentences(notes)) {
    if (!/lenient/i.test(sentence)) continue;
    const found = sentenceRules(sentence);
    if (found.length) rules.push(...found);
    else unparsed.push(sentence);
  }
  return { rules, unparsed };
}
