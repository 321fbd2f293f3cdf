/**
 * @module web/review/audit
 * An audit entry in words (pure): who took which decision, when and why, and what it changed in
 * each trip it concerned (the trips before and after, as the store keeps them), field by field.
 * The stored trips are read through a schema of the few fields shown: an entry whose trips cannot
 * be read still shows who, when and why.
 */
import { z } from 'zod';
import type { AuditEntry } from '../../store/index.js';
import { day } from '../pages/parts.js';

const storedTrip = z.object({
  id: z.string(),
  status: z.string(),
  start: z.string().nullable(),
  end: z.string().nullable(),
  city: z.string().nullable(),
  evidence: z.array(z.object({ articleId: z.string() })),
  review: z.object({ state: z.string(), into: z.string().optional() }).nullable(),
});
const storedTrips = z.array(storedTrip);
type StoredTrip = z.infer<typeof storedTrip>;

export const ACTION_WORDS: Record<string, string> = {
  'review:confirm': 'Confirmed',
  'review:reject': 'Rejected',
  'review:edit': 'Edited',
  'review:merge': 'Merged into another trip',
  'review:split': 'Split',
};

/** One field that moved: "status: planned → completed". */
export interface FieldChange {
  field: string;
  from: string;
  to: string;
}

/** What a decision did to one trip. */
export interface TripChange {
  tripId: string;
  kind: 'changed' | 'new' | 'gone';
  changes: FieldChange[];
}

export interface AuditSummary {
  action: string;
  actor: string;
  at: string;
  why: string | null;
  /** Undefined when the stored trips could not be read. */
  trips?: TripChange[];
}

const none = (v: string | null | undefined) => v || 'none';

/** The fields shown, as words, in the order shown. */
function fieldsOf(t: StoredTrip): [string, string][] {
  return [
    ['status', t.status.replace(/_/g, ' ')],
    ['first day', t.start ? day(t.start) : 'none'],
    ['last day', t.end ? day(t.end) : 'none'],
    ['city', none(t.city)],
    ['articles', String(new Set(t.evidence.map((e) => e.articleId)).size)],
    ['review', t.review ? `${t.review.state}${t.review.into ? ` into ${t.review.into}` : ''}` : 'none'],
  ];
}

function changeOf(before: StoredTrip | undefined, after: StoredTrip | undefined): TripChange {
  if (!before)
    return {
      tripId: after!.id,
      kind: 'new',
      changes: fieldsOf(after!).map(([field, to]) => ({ field, from: '', to })),
    };
  if (!after) return { tripId: before.id, kind: 'gone', changes: [] };
  const was = new Map(fieldsOf(before));
  const changes = fieldsOf(after)
    .filter(([field, to]) => was.get(field) !== to)
    .map(([field, to]) => ({ field, from: was.get(field)!, to }));
  return { tripId: after.id, kind: 'changed', changes };
}

export function auditSummary(e: AuditEntry): AuditSummary {
  const head = { action: ACTION_WORDS[e.action] ?? e.action, actor: e.actor, at: e.at, why: e.why };
  const before = storedTrips.safeParse(e.before ?? []);
  const after = storedTrips.safeParse(e.after ?? []);
  if (!before.success || !after.success) return head;
  const ids = [...new Set([...before.data, ...after.data].map((t) => t.id))];
  const find = (ts: StoredTrip[], id: string) => ts.find((t) => t.id === id);
  return { ...head, trips: ids.map((id) => changeOf(find(before.data, id), find(after.data, id))) };
}
