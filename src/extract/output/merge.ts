/**
 * @module extract/output/merge
 * Turns the drafts of one article into events: one event per (type, subject, country, status) with
 * the evidence of every sentence that supports it; a `none` link only where the same person and
 * country have no other event (corpus rule); a plan superseded by its cancellation or remote
 * attendance dropped, and a cancellation beside remote attendance; one warrant per issuance.
 */
import type { Evidence, ExtractedEvent } from '../../model.js';
import { groupBy } from '../../group.js';
import { CONFIDENCE, type Draft } from './draft.js';
import { leftBehind } from './ended.js';
import { addDays } from '../dates/index.js';

// A visit told without its end lasts this many days after its arrival, as far as its programme goes.
const PROGRAMME_DAYS = 3;

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
  // The start is the day he arrived: a sentence that tells the arrival dates it before one that does not.
  const arrival = group.find((d) => d.start !== null && d.facts.kinds.has('arrive'));
  return {
    type: first.type,
    subjectId: first.subjectId,
    countryIso2: first.iso2,
    city: pick('city'),
    start: arrival?.start ?? pick('start'),
    end: arrival ? arrival.end : pick('end'),
    status: first.status,
    // More sentences saying the same thing make it surer, up to a cap.
    confidence: Math.min(
      CONFIDENCE.cap,
      Math.max(...group.map((d) => d.confidence)) + CONFIDENCE.corroboration * (group.length - 1),
    ),
    evidence: evidence(group),
  };
}

/** The drafts grouped by `key`, each group in the order of the drafts. */
const groupsOf = (drafts: readonly Draft[], key: (d: Draft) => string): Draft[][] => [
  ...groupBy(drafts, key).values(),
];

const pair = (d: { subjectId: string; iso2?: string | null; countryIso2?: string | null }) =>
  `${d.subjectId}|${d.iso2 ?? d.countryIso2 ?? ''}`;

/**
 * Drops plans that the same article cancels or turns remote, and `none` links beside real events;
 * and a plan in a country where he is under way, without a day of its own or on a day of that
 * stay: "arrived in Tehran ... will hold talks with his counterpart", "arrived on Monday ... on
 * Tuesday he will sign a treaty" is the programme of the trip, not a second one.
 */
function prune(drafts: readonly Draft[], published: string | null): Draft[] {
  const ended = new Set(drafts.filter((d) => d.ends || leftBehind(d)).map(pair));
  const underWay = groupBy(
    drafts.filter((d) => d.type === 'trip' && d.status === 'under_way'),
    pair,
  );
  // A stay told without its day is under way on the day of publication.
  const during = (d: Draft, u: Draft) => {
    const from = u.start ?? published;
    if (d.start === null) return true;
    return from !== null && d.start >= from && d.start <= (u.end ?? addDays(from, PROGRAMME_DAYS));
  };
  const programme = (d: Draft) =>
    !!underWay.get(pair(d))?.some((u) => (d.city === null || u.city === d.city) && during(d, u));
  const statuses = new Map<string, Set<string>>();
  for (const d of drafts) {
    const k = pair(d);
    statuses.set(k, (statuses.get(k) ?? new Set()).add(d.type === 'trip' ? d.status : d.type));
  }
  const turned = (d: Draft) =>
    drafts.some(
      (o) =>
        o.type === 'trip' &&
        (o.status === 'cancelled' || o.status === 'remote') &&
        pair(o) === pair(d) &&
        !anotherYear(o, d, published),
    );
  return drafts.filter((d) => {
    const s = statuses.get(pair(d))!;
    if (d.type !== 'trip') return true;
    if (d.status === 'none') return s.size === 1;
    if (d.status === 'planned') return !turned(d) && !programme(d);
    // "He met Kim in Pyongyang ... He departed for home later in the day": the trip is over.
    if (d.status === 'under_way') return !ended.has(pair(d));
    // "Will not attend in person" beside "will speak by video link": he attends remotely.
    if (d.status === 'cancelled') return !s.has('remote');
    return true;
  });
}

const YEAR = /\b(?:19|20)\d\d\b/gu;

/**
 * "In 2013 the visa delay kept him from travelling ... he intends to travel to New York next
 * month": a cancellation told with a year that is not the plan's (its day's, else the year of
 * publication) is of another journey, and leaves the plan standing.
 */
function anotherYear(cancel: Draft, plan: Draft, published: string | null): boolean {
  if (cancel.facts === plan.facts) return false;
  const years = (d: Draft) => [...d.facts.sentence.text.matchAll(YEAR)].map((m) => m[0]);
  const told = years(cancel);
  if (!told.length) return false;
  const planYears = new Set(years(plan));
  const dated = (plan.start ?? published)?.slice(0, 4);
  if (dated) planYears.add(dated);
  return !told.some((y) => planYears.has(y));
}

/** One warrant event per issuance: the sentence that tells most issuances apart sets the count. */
function warrants(drafts: readonly Draft[]): ExtractedEvent[] {
  return groupsOf(drafts, (d) => d.subjectId).flatMap((g) => {
    const perSentence = groupsOf(g, (d) => String(d.facts.sentence.start));
    const count = Math.max(...perSentence.map((s) => s.length));
    const event = combine(g);
    return Array.from({ length: count }, () => ({ ...event, countryIso2: null }));
  });
}

/**
 * "Began a trip to Saudi Arabia and the Emirates ... landed in Abu Dhabi": when one sentence sends
 * him on his way to several countries and a later one has him arrive in only some of them, the
 * others are legs still ahead, with no day of their own yet.
 */
function legsAhead(drafts: readonly Draft[]): Draft[] {
  const arrivals = drafts.filter(
    (d) => d.type === 'trip' && d.status === 'under_way' && d.facts.kinds.has('arrive'),
  );
  return drafts.map((d) => {
    if (d.type !== 'trip' || d.status !== 'under_way') return d;
    const others = arrivals.filter((a) => a.subjectId === d.subjectId && a.facts !== d.facts);
    const reachedHere = others.some((a) => a.iso2 === d.iso2);
    const reachedSibling = others.some(
      (a) =>
        a.facts.sentence.start > d.facts.sentence.start &&
        drafts.some(
          (s) =>
            s.facts === d.facts &&
            s.subjectId === d.subjectId &&
            s.iso2 === a.iso2 &&
            s.status === 'under_way',
        ),
    );
    return !reachedHere && reachedSibling ? { ...d, status: 'planned', start: null, end: null } : d;
  });
}

/** Days and cities of linked drafts (links.ts) given to the trips of the same person and country. */
function lend(events: ExtractedEvent[], linked: readonly Draft[]): ExtractedEvent[] {
  return events.map((e) => {
    if (e.type !== 'trip' || e.status === 'none') return e;
    const same = linked.filter((d) => pair(d) === pair(e));
    const day = e.start === null ? same.find((d) => d.start !== null) : undefined;
    const city = e.city === null ? same.find((d) => d.city !== null) : undefined;
    if (!day && !city) return e;
    return {
      ...e,
      start: day ? day.start : e.start,
      end: day ? day.end : e.end,
      city: city ? city.city : e.city,
      evidence: [...e.evidence, ...evidence([day, city].filter((d): d is Draft => d !== undefined))]
        .filter((x, i, all) => all.findIndex((y) => y.start === x.start) === i)
        .sort((a, b) => a.start - b.start),
    };
  });
}

/** The events of one article's drafts; `published` dates a stay told without its day. */
export function mergeDrafts(drafts: readonly Draft[], published: string | null = null): ExtractedEvent[] {
  const kept = prune(legsAhead(drafts.filter((d) => !d.linked)), published);
  const trips = lend(
    groupsOf(
      kept.filter((d) => d.type === 'trip'),
      (d) => `${pair(d)}|${d.status}`,
    ).map(combine),
    drafts.filter((d) => d.linked),
  );
  const others = groupsOf(
    kept.filter((d) => d.type !== 'trip' && d.type !== 'warrant_issued'),
    (d) => `${d.type}|${pair(d)}`,
  ).map(combine);
  return [...trips, ...warrants(kept.filter((d) => d.type === 'warrant_issued')), ...others];
}
