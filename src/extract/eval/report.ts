/**
 * @module extract/eval/report
 * What scoring gives: precision, recall and F1 per event type and trip status, agreement of
 * fields, and every miss and false alarm with its evidence.
 */
import type { EventType, TripStatus } from '../../model.js';

export interface Prf {
  tp: number;
  fp: number;
  fn: number;
  /** null when there is nothing to divide by (no prediction, or no label). */
  precision: number | null;
  recall: number | null;
  f1: number | null;
}

/** An event as the report shows it: the corpus's field names, the subject by name and id. */
export interface ReportEvent {
  type: EventType;
  subject: string;
  subject_id: string;
  country_iso2: string;
  city: string;
  start: string;
  end: string;
  status: string;
}

export interface Miss {
  case: string;
  event: ReportEvent;
  /** A prediction with the same type, subject and country but another status, if one was made. */
  predicted: ReportEvent | null;
  /** The prediction's evidence when there is one, else the case text. */
  evidence: string;
}

export interface FalseAlarm {
  case: string;
  event: ReportEvent;
  confidence: number;
  evidence: string;
}

export interface Agreement {
  n: number;
  agree: number;
  rate: number | null;
}

export interface Scores {
  /** Headline: trips matched on subject, country and status. */
  trip: Prf;
  /** Trips matched on subject and country only. */
  tripLoose: Prf;
  byType: Record<EventType, Prf>;
  byStatus: Record<TripStatus, Prf>;
  /** Matched trips (headline matching) whose label has a start: prediction within one day. */
  startDate: Agreement;
  /** Trips matched on subject and country: how often the status agrees, by the labelled status. */
  statusByLabel: Record<TripStatus, Agreement>;
  /** Over all events matched on (type, subject, country): exact agreement of each field. */
  fields: { status: Agreement; start: Agreement; end: Agreement; city: Agreement };
  misses: Miss[];
  falseAlarms: FalseAlarm[];
}

export interface EvalReport {
  cases: number;
  expected: number;
  predicted: number;
  strict: Scores;
  lenient: Scores;
  /** Sentences of the notes that mention leniency in a shape the scorer cannot read. */
  unreadLenient: { case: string; sentence: string }[];
}
