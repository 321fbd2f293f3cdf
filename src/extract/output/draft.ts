/**
 * @module extract/output/draft
 * An event as a rule proposes it, still tied to the sentence facts it came from; the merge step
 * turns drafts into ExtractedEvents with evidence. `draft` is the one way to make one, and
 * `CONFIDENCE` the one table of how sure each kind of reading is.
 */
import type { EventType, TripStatus } from '../../model.js';
import type { Facts } from '../sentence/index.js';

export interface Draft {
  type: EventType;
  subjectId: string;
  iso2: string | null;
  city: string | null;
  status: TripStatus | 'completed';
  start: string | null;
  end: string | null;
  facts: Facts;
  confidence: number;
  /** Only dates and places a trip that another sentence tells; never an event of its own. */
  linked?: boolean;
  /** A departure read back onto the trip another sentence told: that trip is over. */
  ends?: true;
}

/**
 * How sure a reading is, before corroboration: a trip told of a person named in its sentence
 * beats one told of a pronoun or read from the sentences around it; a legal position read into a
 * sentence that names nobody is the weakest. Each further sentence saying the same thing adds
 * `corroboration`, up to `cap`.
 */
export const CONFIDENCE = {
  trip: 0.8,
  tripOfPronoun: 0.6,
  tripReadOn: 0.6,
  noneOfNobody: 0.5,
  warrant_issued: 0.7,
  call_to_arrest: 0.7,
  arrest: 0.75,
  protest: 0.6,
  statement: 0.6,
  corroboration: 0.05,
  cap: 0.95,
} as const;

/** A draft of `type` about `subjectId`, told by `facts`; unset fields are blank, status completed. */
export function draft(
  type: EventType,
  subjectId: string,
  facts: Facts,
  fields: Partial<Omit<Draft, 'type' | 'subjectId' | 'facts'>> = {},
): Draft {
  return {
    type,
    subjectId,
    iso2: null,
    city: null,
    status: 'completed',
    start: null,
    end: null,
    facts,
    confidence: type === 'trip' ? CONFIDENCE.trip : CONFIDENCE[type],
    ...fields,
  };
}
