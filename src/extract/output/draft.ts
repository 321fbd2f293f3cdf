/**
 * @module extract/draft
 * An event as a rule proposes it, still tied to the sentence facts it came from; the merge step
 * turns drafts into ExtractedEvents with evidence.
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
}
