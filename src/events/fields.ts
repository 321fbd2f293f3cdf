/**
 * @module events/fields
 * A trip's days, city and confidence from the claims joined to it, and the disagreements among
 * them. The claims come in publication order; where sources differ, the better-placed claim wins
 * (an arrival report over a plan for the first day, a departure report for the last) and, among
 * equals, the first to report it; a difference worth a reader's attention is listed, not hidden.
 */
import { dayNumber } from '../law/index.js';
import { normalizeName } from '../registry/index.js';
import { PRESENT } from './status.js';
import type { Contradiction, TripEvidence, TripRecordStatus } from './types.js';

/** Whose first day wins: a report from the ground over a plan. */
const startRank = (s: TripRecordStatus) => (PRESENT.has(s) ? 2 : 1);
/** Whose last day wins: a departure report, then a report from the ground, then a plan. */
const endRank = (s: TripRecordStatus) => (s === 'completed' ? 3 : s === 'under_way' ? 2 : 1);

/** Claims below this confidence (a trip read through a pronoun or carried over from the sentence
 * before) corroborate a trip but neither start one nor move it, nor set its fields. */
export const MOVING_CONFIDENCE = 0.7;

/** Each further independent source (near-duplicate cluster) adds this much confidence. */
const CORROBORATION = 0.05;
const CONTRADICTION_PENALTY = 0.15;
const CAP = 0.95;

function best(
  evidence: readonly TripEvidence[],
  field: 'start' | 'end',
  rank: (s: TripRecordStatus) => number,
) {
  let chosen: TripEvidence | null = null;
  for (const e of evidence) if (e[field] && (!chosen || rank(e.status) > rank(chosen.status))) chosen = e;
  return chosen;
}

/** Values of one field grouped with the articles that give each, in order of first report. */
function grouped(evidence: readonly TripEvidence[], value: (e: TripEvidence) => string | null) {
  const byValue = new Map<string, string[]>();
  for (const e of evidence) {
    const v = value(e);
    if (v) byValue.set(v, [...(byValue.get(v) ?? []), e.articleId]);
  }
  return [...byValue].map(([v, articleIds]) => ({ value: v, articleIds }));
}

function cityOf(evidence: readonly TripEvidence[]): string | null {
  const votes = new Map<string, { city: string; clusters: Set<string> }>();
  for (const e of evidence) {
    if (!e.city) continue;
    const key = normalizeName(e.city);
    const vote = votes.get(key) ?? { city: e.city, clusters: new Set<string>() };
    vote.clusters.add(e.clusterId);
    votes.set(key, vote);
  }
  let chosen: { city: string; clusters: Set<string> } | null = null;
  for (const v of votes.values()) if (!chosen || v.clusters.size > chosen.clusters.size) chosen = v;
  return chosen?.city ?? null;
}

function contradictionsOf(strong: readonly TripEvidence[], startRankTop: number): Contradiction[] {
  const out: Contradiction[] = [];
  const starts = grouped(
    strong.filter((e) => startRank(e.status) === startRankTop),
    (e) => e.start,
  );
  const days = starts.map((s) => dayNumber(s.value));
  if (days.length > 1 && Math.max(...days) - Math.min(...days) > 1)
    out.push({ field: 'start', values: starts });
  const cities = grouped(strong, (e) => (e.city ? normalizeName(e.city) : null));
  if (cities.length > 1) out.push({ field: 'city', values: cities });
  // Was he there or not: a report from the ground against a cancellation or a video link.
  const presence = grouped(strong, (e) =>
    PRESENT.has(e.status) ? 'present' : e.status === 'planned' ? null : 'absent',
  );
  if (presence.length > 1) out.push({ field: 'status', values: presence });
  return out;
}

export interface TripFields {
  start: string | null;
  end: string | null;
  city: string | null;
  contradictions: Contradiction[];
  confidence: number;
}

export function tripFields(evidence: readonly TripEvidence[]): TripFields {
  const strong = evidence.filter((e) => e.confidence >= MOVING_CONFIDENCE);
  const start = best(strong, 'start', startRank);
  const end = best(strong, 'end', endRank);
  const contradictions = contradictionsOf(strong, start ? startRank(start.status) : 0);
  const clusters = new Set(evidence.map((e) => e.clusterId)).size;
  const top = Math.max(...strong.map((e) => e.confidence));
  const confidence = Math.max(
    0.1,
    Math.min(CAP, top + CORROBORATION * (clusters - 1)) - CONTRADICTION_PENALTY * contradictions.length,
  );
  const first = start?.start ?? null;
  const last = end?.end ?? null;
  return {
    start: first,
    // A last day before the first comes from a plan the journey outran: the plan's end is void.
    end: first && last && last < first ? null : last,
    city: cityOf(strong),
    contradictions,
    confidence: Math.round(confidence * 100) / 100,
  };
}
