/**
 * @module web/review/queue
 * Which trips wait for an analyst, and in what order (pure). A trip waits when the machine made
 * it and nobody has decided on it yet, or when a reader has suggested a correction that is still
 * open (whatever its state, a curated trip included). Most urgent first, the first key that
 * differs decides:
 *   1. a trip still planned or under way: an alert may go out on it and an arrest is still possible;
 *   2. a trip with an open suggested correction: someone has told us it may be wrong;
 *   3. fewer independent sources (copies in one near-duplicate cluster count once): one report is
 *      the weakest ground;
 *   4. sources that disagree (contradictions);
 *   5. lower confidence;
 *   6. the earlier first day (a visit sooner is sooner too late), a trip without one last;
 *   7. the id, so the order is stable.
 * The other states (`?state=confirmed`, ...) list the trips in that state, in the same order.
 */
import { isSuperseded, type TripRecord, type TripRecordStatus } from '../../events/index.js';
import type { Comment } from '../../store/index.js';

/** `open`: waiting for an analyst (the default); the others are the trips in that review state. */
export const QUEUE_STATES = [
  'open',
  'unreviewed',
  'confirmed',
  'edited',
  'rejected',
  'merged',
  'all',
] as const;
export type QueueState = (typeof QUEUE_STATES)[number];

export interface QueueFilter {
  state: QueueState;
  subjectId?: string;
  status?: TripRecordStatus;
}

export interface QueueEntry {
  trip: TripRecord;
  /** Independent sources: near-duplicate clusters of its evidence, or a curated trip's sources. */
  sources: number;
  corrections: Comment[];
}

const LIVE: ReadonlySet<TripRecordStatus> = new Set(['planned', 'under_way']);

/** The independent reports of a trip: copies of one text count once. */
export function sourceCount(t: TripRecord): number {
  const clusters = new Set(t.evidence.map((e) => e.clusterId)).size;
  return clusters || (t.curated?.sources.length ?? 0);
}

function inState(e: QueueEntry, state: QueueState): boolean {
  const t = e.trip;
  switch (state) {
    case 'open':
      return (!t.review && !t.curated) || (e.corrections.length > 0 && !isSuperseded(t));
    case 'unreviewed':
      return !t.review && !t.curated;
    case 'all':
      return true;
    default:
      return t.review?.state === state;
  }
}

/** Sort keys in the order of the module comment: smaller is more urgent. */
function urgency(e: QueueEntry): (number | string)[] {
  const t = e.trip;
  return [
    LIVE.has(t.status) ? 0 : 1,
    e.corrections.length ? 0 : 1,
    e.sources,
    t.contradictions.length ? 0 : 1,
    t.confidence,
    t.start ?? '9999-99-99',
    t.id,
  ];
}

function byUrgency(a: QueueEntry, b: QueueEntry): number {
  const [ka, kb] = [urgency(a), urgency(b)];
  for (let i = 0; i < ka.length; i++) {
    const [x, y] = [ka[i]!, kb[i]!];
    if (x !== y)
      return typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
  }
  return 0;
}

/** The trips of `filter`, each with its open corrections, the most urgent first. */
export function reviewQueue(
  trips: readonly TripRecord[],
  corrections: readonly Comment[],
  filter: QueueFilter,
  targetOf: (tripId: string) => string,
): QueueEntry[] {
  const byTarget = new Map<string, Comment[]>();
  for (const c of corrections) byTarget.set(c.target, [...(byTarget.get(c.target) ?? []), c]);
  return trips
    .filter(
      (t) =>
        (!filter.subjectId || t.subjectId === filter.subjectId) &&
        (!filter.status || t.status === filter.status),
    )
    .map((trip) => ({ trip, sources: sourceCount(trip), corrections: byTarget.get(targetOf(trip.id)) ?? [] }))
    .filter((e) => inState(e, filter.state))
    .sort(byUrgency);
}
