/**
 * @module extract/eval/score
 * Scores predicted events against labelled cases, as ../shared/corpus/README.md says: events match
 * on (type, subject, country); a trip counts for the headline only when its status matches too.
 * Precision, recall and F1 per event type and per trip status, start-date accuracy (within one day)
 * over matched trips with a labelled start, agreement of the other fields, and every miss and false
 * alarm with its evidence. Pure: the caller runs the extractor.
 */
import type { TripStatus } from '../../model.js';
import { eventTypes, tripStatuses, type LabelledCase } from './cases.js';
import {
  prepareCase,
  normCity,
  type FlatEvent,
  type Mode,
  type Predicted,
  type PreparedCase,
  type SubjectNames,
} from './events.js';
import { parseLeniency } from './lenient.js';
import { daysApart, matchEvents, sameKey, sameKeyAndStatus } from './match.js';
import type { Agreement, EvalReport, FalseAlarm, Miss, Prf, ReportEvent, Scores } from './report.js';

export type { Agreement, EvalReport, FalseAlarm, Miss, Prf, ReportEvent, Scores } from './report.js';

const counts = () => ({ tp: 0, fp: 0, fn: 0 });
const ratio = (a: number, b: number) => (b ? a / b : null);

export function prf({ tp, fp, fn }: { tp: number; fp: number; fn: number }): Prf {
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, tp + fn);
  const f1 = tp + fp + fn ? (2 * tp) / (2 * tp + fp + fn) : null;
  return { tp, fp, fn, precision, recall, f1 };
}

const agreement = (n: number, agree: number): Agreement => ({ n, agree, rate: ratio(agree, n) });

function toReport(e: FlatEvent, names: SubjectNames): ReportEvent {
  return {
    type: e.type,
    subject: names.nameOf(e.subjectId),
    subject_id: e.subjectId,
    country_iso2: e.country,
    city: e.city,
    start: e.start,
    end: e.end,
    status: e.status,
  };
}

type Tally = ReturnType<typeof counts>;
const tallies = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, counts()])) as Record<K, Tally>;
const finish = <K extends string>(t: Record<K, Tally>) =>
  Object.fromEntries(Object.entries<Tally>(t).map(([k, v]) => [k, prf(v)])) as Record<K, Prf>;

/** Scores every case in one mode. `predictions[i]` belongs to `cases[i]`. */
export function scorePrepared(
  cases: readonly PreparedCase[],
  predictions: readonly Predicted[][],
  names: SubjectNames,
): Scores {
  const trip = counts();
  const tripLoose = counts();
  const byType = tallies(eventTypes);
  const byStatus = tallies(tripStatuses);
  const fields = { status: [0, 0], start: [0, 0], end: [0, 0], city: [0, 0] };
  const statusN = Object.fromEntries(tripStatuses.map((k) => [k, [0, 0]])) as Record<TripStatus, number[]>;
  let [datesN, datesOk] = [0, 0];
  const misses: Miss[] = [];
  const falseAlarms: FalseAlarm[] = [];

  cases.forEach((c, i) => {
    const predicted = predictions[i] ?? [];
    const counted = (p: Predicted) => !c.extraAllowed.has(p.type);
    const loose = matchEvents(c.expected, predicted, sameKey);
    for (const [g, p] of loose.pairs) {
      byType[g.type].tp++;
      const tally = (k: keyof typeof fields, ok: boolean) => {
        fields[k][0]!++;
        if (ok) fields[k][1]!++;
      };
      tally('status', g.accept.status.has(p.status));
      tally('start', g.accept.start.has(p.start));
      tally('end', g.accept.end.has(p.end));
      tally('city', g.accept.city.has(normCity(p.city)));
      if (g.type !== 'trip') continue;
      tripLoose.tp++;
      const byLabel = statusN[g.status as TripStatus];
      byLabel[0]!++;
      if (g.accept.status.has(p.status)) byLabel[1]!++;
    }
    for (const g of loose.missed.filter((g) => !g.optional)) {
      byType[g.type].fn++;
      if (g.type === 'trip') tripLoose.fn++;
      else misses.push({ case: c.id, event: toReport(g, names), predicted: null, evidence: c.text });
    }
    for (const p of loose.extra.filter(counted)) {
      byType[p.type].fp++;
      if (p.type === 'trip') tripLoose.fp++;
      else falseAlarms.push(falseAlarm(c, p, names));
    }

    const isTrip = (e: FlatEvent) => e.type === 'trip';
    const strict = matchEvents(c.expected.filter(isTrip), predicted.filter(isTrip), sameKeyAndStatus);
    for (const [g, p] of strict.pairs) {
      trip.tp++;
      byStatus[p.status as TripStatus].tp++;
      if (g.start) {
        datesN++;
        if ([...g.accept.start].some((s) => daysApart(s, p.start) <= 1)) datesOk++;
      }
    }
    for (const g of strict.missed.filter((g) => !g.optional)) {
      trip.fn++;
      byStatus[g.status as TripStatus].fn++;
      const instead = strict.extra.find((p) => sameKey(g, p));
      misses.push({
        case: c.id,
        event: toReport(g, names),
        predicted: instead ? toReport(instead, names) : null,
        evidence: instead?.evidence || c.text,
      });
    }
    for (const p of strict.extra.filter(counted)) {
      trip.fp++;
      byStatus[p.status as TripStatus].fp++;
      falseAlarms.push(falseAlarm(c, p, names));
    }
  });

  const [s, st, e, ci] = [fields.status, fields.start, fields.end, fields.city];
  return {
    trip: prf(trip),
    tripLoose: prf(tripLoose),
    byType: finish(byType),
    byStatus: finish(byStatus),
    startDate: agreement(datesN, datesOk),
    statusByLabel: Object.fromEntries(
      tripStatuses.map((k) => [k, agreement(statusN[k][0]!, statusN[k][1]!)]),
    ) as Record<TripStatus, Agreement>,
    fields: {
      status: agreement(s[0]!, s[1]!),
      start: agreement(st[0]!, st[1]!),
      end: agreement(e[0]!, e[1]!),
      city: agreement(ci[0]!, ci[1]!),
    },
    misses,
    falseAlarms,
  };
}

function falseAlarm(c: PreparedCase, p: Predicted, names: SubjectNames): FalseAlarm {
  return { case: c.id, event: toReport(p, names), confidence: p.confidence, evidence: p.evidence };
}

/** Strict and lenient scores of `predictions` (one list per case, in order) against `cases`. */
export function scoreCases(
  cases: readonly LabelledCase[],
  predictions: readonly Predicted[][],
  names: SubjectNames,
): EvalReport {
  const prepare = (mode: Mode) => cases.map((c) => prepareCase(c, names, mode));
  return {
    cases: cases.length,
    expected: cases.reduce((n, c) => n + c.expected.length, 0),
    predicted: predictions.reduce((n, p) => n + p.length, 0),
    strict: scorePrepared(prepare('strict'), predictions, names),
    lenient: scorePrepared(prepare('lenient'), predictions, names),
    unreadLenient: cases.flatMap((c) =>
      parseLeniency(c.notes).unparsed.map((sentence) => ({ case: c.id, sentence })),
    ),
  };
}
