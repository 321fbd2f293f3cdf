/**
 * @module extract/events/days
 * What the event rules share: the first cue of a kind in a sentence, and the day nearest to it.
 */
import { inThePast, placeWeekday, type DayMention } from '../dates/index.js';
import type { CueKind } from '../lexicon/index.js';
import type { Facts } from '../sentence/index.js';

export const firstCue = (f: Facts, kind: CueKind) => f.cues.find((c) => c.kind === kind);

// Warrants and arrests have happened: a day without a year is not after publication. A bare
// weekday beside an arrest is the last such day ("was arrested on Tuesday"); beside a warrant,
// mostly issued long before, it dates something else.
export const dayNear = (
  days: readonly DayMention[],
  at: number,
  published: string | null,
  weekdays = false,
) => {
  const day = days
    .filter((d) => weekdays || d.weekday === undefined)
    .sort((a, b) => Math.abs(a.at - at) - Math.abs(b.at - at))[0];
  if (day?.weekday === undefined) return day && inThePast(day, published);
  return published ? { ...day, start: placeWeekday(day.weekday, published, 'backward') } : undefined;
};
