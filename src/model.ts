/**
 * @module model
 * Domain types shared by the stages. Registry records are inferred from their zod schemas in
 * registry/schema.ts and re-exported here; the duty to arrest is defined here because events,
 * alerts and the web all carry it.
 */
export type {
  Country,
  Declaration,
  Finding,
  IsoDate,
  Membership,
  Office,
  Referral,
  Registry,
  Situation,
  Subject,
  Trip,
  Warrant,
  WarrantStatus,
} from './registry/index.js';
import type { IsoDate, WarrantStatus } from './registry/index.js';

/** binding: the state must arrest; urged: a Security Council resolution asks it to; none: no duty. */
export type DutyKind = 'binding' | 'urged' | 'none';

/** The legal ground of a duty. */
export type Ground =
  | 'rome_statute_party' // Arts. 86 and 89(1): States Parties arrest and surrender
  | 'art_12_3' // a declaration accepting jurisdiction binds the state to cooperate under Part 9
  | 'unsc_referral' // a Chapter VII referral binds the states it names and urges the rest
  | 'art_127_2_continuing'; // a withdrawal does not end cooperation in proceedings begun before it took effect

export interface Basis {
  ground: Ground;
  effect: 'binds' | 'urges';
  /** The warrant this basis applies to. */
  warrantId: string;
  /** The provisions relied on: "Rome Statute art. 86", "S/RES/1593 (2005) op. 2"... */
  provisions: string[];
  /** First day this basis applied to this warrant and state. */
  since: IsoDate;
  /** One sentence in plain words. */
  detail: string;
}

export type CaveatCode =
  | 'warrant_sealed' // issued under seal and not yet public that day
  | 'subject_in_national_custody' // held by a state, not yet surrendered: the duty is to surrender
  | 'application_only' // the Prosecutor has applied for a warrant; none is issued
  | 'withdrawal_announced' // the state announced it would leave but had not notified the UN
  | 'withdrawal_pending' // a withdrawal notice is running and has not taken effect (Art. 127(1))
  | 'art_127_2_untested' // the duty rests on Art. 127(2), which the Court has not applied to an arrest
  | 'art_127_2_contested' // Art. 127(2) might keep a duty, but the investigation began after the withdrawal
  | 'immunity_claim_rejected' // the subject holds an office whose immunity states have invoked
  | 'overflight_unsettled' // presence only in the airspace
  | 'declaration_scope' // an Art. 12(3) duty covers the situations the declaration founded
  | 'territorial_scope' // the ratification's territorial reach has exclusions or extensions
  | 'unverified_fact'; // a fact the answer rests on is not marked verified in the registry (its mark is named)

export interface Caveat {
  code: CaveatCode;
  text: string;
}

export interface WarrantOnDate {
  id: string;
  caseNumber?: string;
  situation: string;
  status: WarrantStatus;
  issued?: IsoDate;
  madePublic?: IsoDate;
}

/** The answer to: on `date`, must `iso2` arrest `subjectId`, and why. */
export interface Duty {
  subjectId: string;
  iso2: string;
  date: IsoDate;
  kind: DutyKind;
  basis: Basis[];
  caveats: Caveat[];
  /** The warrants (or applications) that exist on that date, whatever their status. */
  warrants: WarrantOnDate[];
  /** The answer in plain words, citing the articles of the Statute. */
  explanation: string;
}

/** An article as ingestion produces it, whatever the source format, before it is stored. */
export interface ArticleDraft {
  /** Where it was read: the fetched URL, the post link, or a file:// URL. */
  url: string;
  /** The page's own canonical URL (link rel=canonical, og:url), when it differs or is known. */
  canonicalUrl?: string;
  /** Id of the configured source it came from, or 'cli' / 'file'. */
  source: string;
  title?: string;
  byline?: string;
  /** Publication time, ISO 8601: a day (2024-09-03) or a date-time with offset. */
  publishedAt?: string;
  /** Primary language subtag, BCP 47 (en, fr, ru...). */
  lang?: string;
  /** Main text, paragraphs separated by blank lines. */
  text: string;
}

/** A stored article. */
export interface Article extends ArticleDraft {
  id: string;
  /** When it was fetched or read, ISO 8601 UTC. */
  fetchedAt: string;
  /** SHA-256 of the normalized text, hex. */
  contentHash: string;
  /** 64-bit SimHash of the text's word shingles, 16 hex digits. */
  simhash: string;
  /** Id of the cluster of near-duplicates; the earliest article's id. */
  clusterId: string;
}

export type EventType = 'trip' | 'arrest' | 'warrant_issued' | 'call_to_arrest' | 'protest' | 'statement';
/** A trip's state as the text tells it on its publication date; `none` links a person to a country without a trip. */
export type TripStatus = 'planned' | 'under_way' | 'completed' | 'cancelled' | 'remote' | 'none';

export interface Evidence {
  /** Character offsets into the article text, end exclusive. */
  start: number;
  end: number;
  text: string;
}

/** One event read from one article. */
export interface ExtractedEvent {
  type: EventType;
  subjectId: string;
  countryIso2: string | null;
  city: string | null;
  /** YYYY-MM-DD, or null when the text gives no day. */
  start: string | null;
  end: string | null;
  /** Trip status; other event types are `completed`. */
  status: TripStatus | 'completed';
  /** 0..1: how sure the extractor is. */
  confidence: number;
  evidence: Evidence[];
}
