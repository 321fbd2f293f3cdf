/**
 * @module extract/datelines
 * Datelines: the place that opens a wire story's first line ("ULAANBAATAR, Sept 3 (Reuters) -",
 * "NEW DELHI:") says where the reporter is, and the date after it when the story was written. Neither
 * is taken for a destination or the day of an event.
 */
import type { DayMention } from '../dates/index.js';
import type { Facts } from './types.js';
import type { PlaceMention } from '../places/index.js';
import type { Token } from '../text/index.js';

// What follows a dateline's place: a colon or dash, a closing bracket, or a date (", Sept. 12",
// ", 12 septembre").
const DATELINE_END = /[^\S\n]*(?:[:–—]|-|\)|,\s*(?:\p{Lu}\p{Ll}{2,8}\.?\s\d|\d{1,2}\.?\s\p{L})|\()/uy;

/** Whether only white space, and at most one "(", stand between the start of its line and `at`. */
function opensLine(text: string, at: number): boolean {
  let i = at - 1;
  const skipSpace = () => {
    while (i >= 0 && text[i] !== '\n' && /\s/u.test(text[i]!)) i--;
  };
  skipSpace();
  if (text[i] === '(') {
    i--;
    skipSpace();
  }
  return i < 0 || text[i] === '\n';
}

// East Asian datelines bracket the places and the agency: "【モスクワ、ブリュッセル共同】",
// "(울란바토르=연합뉴스)", "（北京＝共同）": a bracket opened at the start of the line, not yet closed.
const OPEN_BRACKET = /^[^\S\n]*[【(（][^】)）\n]*$/u;

// The most characters a bracketed dateline holds on either side of a place in it.
const DATELINE_REACH = 200;

/** Whether [from, to) lies in such a dateline: 【…】, or (…) holding "=" (not "(Reuters)"). */
function bracketed(text: string, from: number, to: number): boolean {
  const lineStart = text.lastIndexOf('\n', from - 1) + 1;
  // A dateline is short: looking no further keeps a page of one long line linear.
  if (from - lineStart > DATELINE_REACH) return false;
  if (!OPEN_BRACKET.test(text.slice(lineStart, from))) return false;
  const close = /[】)）\n]/u.exec(text.slice(to, to + DATELINE_REACH));
  if (!close || close[0] === '\n') return false;
  const inside = text.slice(lineStart, to + close.index + 1);
  return inside.includes('【') || /[=＝]/u.test(inside);
}

/** Whether the place opens a line before a colon, dash, bracket or date ("NEW DELHI:"), or sits in a bracketed dateline. */
export function isDateline(text: string, tokens: readonly Token[], p: PlaceMention): boolean {
  if (bracketed(text, tokens[p.from]!.start, tokens[p.to - 1]!.end)) return true;
  if (!opensLine(text, tokens[p.from]!.start)) return false;
  DATELINE_END.lastIndex = tokens[p.to - 1]!.end;
  return DATELINE_END.test(text);
}

/** "MOSCOW, March 3 (Reuters) -": the date after a dateline is the day of writing, not of an event. */
export function withoutDateline(
  days: DayMention[],
  f: Facts,
  text: string,
  tokens: readonly Token[],
): DayMention[] {
  const ends = f.places.filter((p) => p.dateline).map((p) => tokens[p.to - 1]!.end);
  if (!ends.length) return days;
  return days.filter((d) => !ends.some((end) => d.at > end && /^[^\S\n]*,\s*$/u.test(text.slice(end, d.at))));
}
