/**
 * @module extract/eval/events
 * The two sides of a comparison in one shape: expected events (with the values each field accepts,
 * strictly or leniently) and predicted events (from the extractor), subjects as registry ids.
 */
import { normalizeName } from '../../registry/index.js';
import type { EventType, ExtractedEvent } from '../../model.js';
import { CaseFileError, type LabelledCase } from './cases.js';
import { parseLeniency, type LenientRule } from './lenient.js';

export type Mode = 'strict' | 'lenient';

/** An event with every field as a string ("" when unknown), as the corpus writes it. */
export interface FlatEvent {
  type: EventType;
  subjectId: string;
  country: string;
  city: string;
  start: string;
  end: string;
  status: string;
}

export interface Predicted extends FlatEvent {
  confidence: number;
  evidence: string;
}

export interface Expected extends FlatEvent {
  /** The values each field accepts: the label, plus lenient alternatives. Cities normalized. */
  accept: { status: Set<string>; start: Set<string>; end: Set<string>; city: Set<string> };
  /** Lenient only: the notes say a scorer may ignore it. */
  optional: boolean;
}

export interface PreparedCase {
  id: string;
  text: string;
  expected: Expected[];
  /** Lenient only: predicted events of these types are not false alarms. */
  extraAllowed: Set<EventType>;
}

/** Looks up subject ids by the corpus's canonical names, and names by id. */
export interface SubjectNames {
  idOf(name: string): string | undefined;
  nameOf(id: string): string;
}

export const normCity = (city: string): string => normalizeName(city);

export function fromExtracted(e: ExtractedEvent): Predicted {
  return {
    type: e.type,
    subjectId: e.subjectId,
    country: e.countryIso2 ?? '',
    city: e.city ?? '',
    start: e.start ?? '',
    end: e.end ?? '',
    status: e.status,
    confidence: e.confidence,
    evidence: e.evidence.map((x) => x.text).join(' … '),
  };
}

/**
 * The expected events a rule is about: those whose city or dates its sentence names (other than
 * the alternative itself), else all of the case's events.
 */
function scope(rule: LenientRule, events: Expected[]): Expected[] {
  const sentence = rule.kind === 'alternative' ? rule.sentence.replaceAll(rule.value, ' ') : rule.sentence;
  const words = ` ${normalizeName(sentence)} `;
  const anchored = events.filter(
    (e) =>
      (e.city && words.includes(` ${normCity(e.city)} `)) ||
      (e.start && sentence.includes(e.start)) ||
      (e.end && sentence.includes(e.end)),
  );
  return anchored.length ? anchored : events;
}

function applyRule(rule: LenientRule, c: PreparedCase): void {
  if (rule.kind === 'extra_allowed') {
    c.extraAllowed.add(rule.type);
    return;
  }
  const events = scope(rule, c.expected);
  if (rule.kind === 'optional') {
    for (const e of events)
      if (
        (!rule.types.length || rule.types.includes(e.type)) &&
        (!rule.statuses.length || (rule.statuses as readonly string[]).includes(e.status))
      )
        e.optional = true;
    return;
  }
  for (const e of events) e.accept[rule.field].add(rule.field === 'city' ? normCity(rule.value) : rule.value);
}

/** A labelled case ready to score; an unknown subject name fails with the line and the field. */
export function prepareCase(c: LabelledCase, names: SubjectNames, mode: Mode): PreparedCase {
  const expected = c.expected.map((e, i): Expected => {
    const subjectId = names.idOf(e.subject);
    if (!subjectId)
      throw new CaseFileError(c.line, `expected.${i}.subject`, `unknown subject "${e.subject}"`);
    return {
      type: e.type,
      subjectId,
      country: e.country_iso2,
      city: e.city,
      start: e.start,
      end: e.end,
      status: e.status,
      accept: {
        status: new Set([e.status]),
        start: new Set([e.start]),
        end: new Set([e.end]),
        city: new Set([normCity(e.city)]),
      },
      optional: false,
    };
  });
  const prepared: PreparedCase = { id: c.id, text: c.text, expected, extraAllowed: new Set() };
  if (mode === 'lenient') for (const rule of parseLeniency(c.notes).rules) applyRule(rule, prepared);
  return prepared;
}
