/**
 * @module extract/sentence/types
 * The sentence model the rules read: the cues, places and mentions of one sentence and how it
 * breaks into clauses (built by facts.ts).
 */
import type { CueKind, Lexicons } from '../lexicon/index.js';
import type { Mention } from '../names/index.js';
import type { PlaceMention } from '../places/index.js';
import type { Sentence, Token } from '../text/index.js';

export interface CueHit {
  kind: CueKind;
  from: number;
  to: number;
  /** A marker written after its place ("モンゴルから") or a label before it (see `markerSides`). */
  flipped?: true;
}

export interface Place extends PlaceMention {
  /** Names someone's country rather than a destination: "US President", "Israeli officials". */
  attributive: boolean;
  /** Preceded by "from", or a stay after "after" (after.ts): the place was left. */
  origin: boolean;
  /** Follows "war on", "invasion of": a battlefield, not a destination. */
  conflict: boolean;
  /** Opens a line before a colon or dash ("NEW DELHI:"): where the reporter is. */
  dateline: boolean;
  /** Index of the clause it is in (see `Facts.clauses`). */
  clause: number;
}

export interface Facts {
  sentence: Sentence;
  /** Token indexes of the sentence, end exclusive. */
  from: number;
  to: number;
  mentions: Mention[];
  /** Distinct subjects, in order of first mention. */
  subjects: string[];
  cues: CueHit[];
  kinds: Set<CueKind>;
  places: Place[];
  /** Clause index of each token of the sentence (offset by `from`), split at , ; : ( ) and dashes. */
  clauses: number[];
  /** Verb phrase of each token (offset by `from`): a new one starts at "and will", "and then flew". */
  phrases: number[];
  /** The sentence before, for rules that read on from it ("He is avoiding the event"). */
  previous: Facts | undefined;
  /** The subject last mentioned before this sentence: whom a sentence naming nobody is about. */
  lastSubject: string | undefined;
}

/** What `placeFacts` reads of a sentence starting at token `from`. */
export interface SentenceParts {
  cues: readonly CueHit[];
  mentions: readonly Mention[];
  tokens: readonly Token[];
  text: string;
  clauses: readonly number[];
  from: number;
  words: Lexicons['words'];
  genitives: Lexicons['genitives'];
}
