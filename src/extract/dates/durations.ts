/**
 * @module extract/dates/durations
 * How long a visit lasts when the sentence says so: "a three-day state visit", "une visite de
 * quatre jours", "zweitägiger Besuch", "двухдневный визит". The forms are the lexicons'
 * `durations`, their numbers written in digits or as the lexicon's number words.
 */
import type { DurationPattern } from '../lexicon/index.js';

/** Days a visit lasts when the sentence says so ("a two-day visit"), else undefined. */
export function statedDuration(text: string, patterns: readonly DurationPattern[]): number | undefined {
  for (const { regex, numbers } of patterns) {
    const n = regex.exec(text)?.groups?.n;
    if (n === undefined) continue;
    const days = numbers.get(n.toLowerCase()) ?? Number(n);
    if (days) return days;
  }
  return undefined;
}
