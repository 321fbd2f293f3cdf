/**
 * @module extract/durations
 * How long a visit lasts when the sentence says so: "a three-day state visit", "une visite de
 * quatre jours", "un viaje de dos días", "zweitägiger Besuch", "двухдневный визит".
 */

// Number words up to five in the languages whose visits are written "of four days".
const NUMBERS: Record<string, number> = Object.fromEntries(
  [
    'one un une uno una um uma один',
    'two deux dos due dois zwei двух',
    'three trois tres tre três drei трех трёх',
    'four quatre cuatro quattro quatro vier четырех четырёх',
    'five cinq cinco cinque fünf пяти',
  ].flatMap((words, i) => words.split(' ').map((w) => [w, i + 1])),
);
const N = '(one|two|three|four|five|\\d)';
const WORD = '(\\p{L}+|\\d)';
// "a three-day visit"; "une visite de quatre jours", "una visita de Estado de dos días";
// "zweitägigen Besuch", "двухдневный визит". A bare "deux jours" may be "two days ago": not read.
const DURATIONS = [
  new RegExp(`\\b${N}[- ]day\\b`, 'iu'),
  new RegExp(
    `\\b(?:visite|séjour|voyage|tournée|visita|viaje|gira|viaggio|viagem)(?: \\p{L}+){0,3} (?:de|di) ${WORD} (?:jours|días|dias|giorni)\\b`,
    'iu',
  ),
  new RegExp(`\\b(zwei|drei|vier|fünf|\\d)[- ]?tägig`, 'iu'),
  new RegExp(`(двух|трех|трёх|четырех|четырёх|пяти)дневн`, 'iu'),
];

/** Days a visit lasts when the sentence says so ("a two-day visit"), else undefined. */
export function statedDuration(text: string): number | undefined {
  for (const re of DURATIONS) {
    const m = re.exec(text);
    const n = m && (NUMBERS[m[1]!.toLowerCase()] ?? Number(m[1]));
    if (n) return n;
  }
  return undefined;
}
