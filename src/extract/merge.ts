/**
 * @module extract/merge
 * Turns the drafts of one article into events: one event per (type, subject, country, status) with
 * the evidence of every sentence that supports it; a `none` link only where the same person and
 * country have no other event (corpus rule); a plan superseded by its cancellation or remote
 * attendance dropped; one warrant per issuance.
 */
import type { Evidence, ExtractedEvent } from '../model.js';
import type { Draft } from './draft.js';

function evidence(drafts: readonly Draft[]): Evidence[] {
  const seen = new Map<number, Evidence>();
  for (const d of drafts) {
    const s = d.facts.sentence;
    if (!seen.has(s.start)) seen.set(s.start, { start: s.start, end: s.end, text: s.text });
  }
  return [...seen.values()].sort((a, b) => a.start - b.start);
}

function combine(group: readonly Draft[]): ExtractedEvent {
  const first = group[0]!;
  const pick = <K extends 'city' | 'start' | 'end'>(k: K) => group.find((d) => d[k] !== null)?.[k] ?? null;
  return {
    type: first.type,
    subjectId: first.subjectId,
    countryIso2: first.iso2,
    city: pick('city'),
    start: pick('start'),
    end: pick('end'),
    status: first.status,
    // More sentences saying the same thing make it surer, up to a cap.
    confidence: Math.min(0.95, Math.max(...group.map((d) => d.confidence)) + 0.05 * (group.length - 1)),
    evidence: evidence(group),
  };
}

function groupBy(drafts: readonly Draft[], key: (d: Draft) => string): Draft[][] {
  const groups = new Map<string, Draft[]>();
  for (const d of drafts) {
    const k = key(d);
    const g = groups.get(k);
    if (g) g.push(d);
    else groups.set(k, [d]);
  }
  return [...groups.values()];
}

const pair = (d: { subjectId: string; iso2?: string | null; countryIso2?: string | null }) =>
  `${d.subjectId}|${d.iso2 ?? d.countryIso2 ?? ''}`;

/** Drops plans that the same article cancels or turns remote, and `none` links beside real events. */
function prune(drafts: readonly Draft[]): Draft[] {
  const statuses = new Map<string, Set<string>>();
  for (const d of drafts) {
    const k = pair(d);
    statuses.set(k, (statuses.get(k) ?? new Set()).add(d.type === 'trip' ? d.status : d.type));
  }
  return drafts.filter((d) => {
    const s = statuses.get(pair(d))!;
    if (d.type !== 'trip') return true;
    if (d.status === 'none') return s.size === 1;
    if (d.status === 'planned') return !s.has('cancelled') && !s.has('remote');
    return true;
  });
}

/** One warrant event per issuance: the sentence that tells most issuances apart sets the count. */
function warrants(drafts: readonly Draft[]): ExtractedEvent[] {
  return groupBy(drafts, (d) => d.subjectId).flatMap((g) => {
    const perSentence = groupBy(g, (d) => String(d.facts.sentence.start));
    const count = Math.max(...perSentence.map((s) => s.length));
    const event = combine(g);
    return Array.from({ length: count }, () => ({ ...event, countryIso2: null }));
  });
}

export function mergeDrafts(drafts: readonly Draft[]): ExtractedEvent[] {
  const kept = prune(drafts);
  const trips = groupBy(
    kept.filter((d) => d.type === 'trip'),
    (d) => `${pair(d)}|${d.status}`,
  ).map(combine);
  const others = groupBy(
    kept.filter((d) => d.type !== 'trip' && d.type !== 'warrant_issued'),
    (d) => `${d.type}|${pair(d)}`,
  ).map(combine);
  return [...trips, ...warrants(kept.filter((d) => d.type === 'warrant_issued')), ...others];
}
