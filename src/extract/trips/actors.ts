/**
 * @module extract/trips/actors
 * Whose journey a travel word tells. Articles about a wanted person follow his ministers, envoys
 * and judges too: "Sergei Lavrov arrived in Mongolia to prepare a visit by Putin", "Kremlin
 * spokesman Dmitry Peskov flew to Minsk with a message from Putin". The verb that takes a person to
 * a place belongs to someone else when the wanted person is not named before it (other than as an
 * owner: "Putin's spokesman"), another person is ("Sergei Lavrov", "the foreign minister"), and he
 * is not its object either ("Orbán welcomed Netanyahu", "talks with Putin", "a visit by Putin").
 */
import {
  type Context,
  type CueHit,
  type Facts,
  type Place,
  objectOf,
  possessive,
} from '../sentence/index.js';
import type { CueKind } from '../lexicon/index.js';
import type { Mention } from '../names/index.js';
import { isCapitalized, type Token } from '../text/index.js';

const MOVES = new Set<CueKind>(['travel', 'arrive', 'present', 'past']);
// "The Kremlin leader's visit": at most this many words between the owner and the travel word.
const OWNER_REACH = 3;

/** A name used to describe someone else: "a Putin ally", "Putin spokesman Dmitry Peskov". */
function modifies(m: Mention, f: Facts): boolean {
  return m.via !== 'pronoun' && f.cues.some((c) => c.kind === 'attributive' && !c.flipped && c.from === m.to);
}

/** Whether the travel word that takes someone to `place` is another person's journey. */
export function othersJourney(place: Place, f: Facts, ctx: Context, subjectId: string): boolean {
  const verb = f.cues.find(
    (c) => MOVES.has(c.kind) && f.clauses[c.from - f.from] === place.clause && c.to <= place.from,
  );
  if (!verb) return false;
  const his = f.mentions.filter((m) => m.subjectId === subjectId);
  const acts = (m: Mention) =>
    !(possessive(m, ctx.tokens, ctx.words.possessives) || modifies(m, f)) || owns(m, verb, f, ctx.tokens);
  if (his.some((m) => m.to <= verb.from && acts(m))) return false;
  // "وصل سيرغي شويغو إلى بيونغ يانغ بتكليف من الرئيس بوتين": where the verb comes first, the
  // person named right after it travels; one named further on is sent, met or spoken of.
  if (ctx.verbFirst) {
    const subject = subjectAfter(verb, f);
    if (subject) return subject.subjectId !== subjectId;
    // "وصل وزير الخارجية إلى أنقرة برسالة من بوتين": a title right after the verb is someone else.
    if (f.cues.some((c) => c.kind === 'attributive' && c.from >= verb.to && c.from - verb.to <= 1))
      return true;
  }
  // "Trump flew to Alaska to meet Putin": the one he meets is there too, unless the meeting has a
  // place of its own in another country ("arrived in Minsk after a meeting with Putin in Moscow").
  const meetings = f.cues.filter((c) => c === verb || MEETS.has(c.kind));
  const metElsewhere = (m: Mention) =>
    f.places.some((p) => p.iso2 !== place.iso2 && p.from >= m.to && p.from - m.to <= MET_AT);
  if (his.some((m) => !metElsewhere(m) && meetings.some((v) => objectOf(m, v, f)))) return false;
  // "Shoigu arrived in Iran with a message from Putin": another wanted person goes.
  const clause = f.clauses[verb.from - f.from];
  const other = (m: Mention) =>
    m.subjectId !== subjectId && m.to <= verb.from && f.clauses[m.from - f.from] === clause && acts(m);
  return f.mentions.some(other) || anotherActor(f, verb, ctx.tokens);
}

const MEETS = new Set<CueKind>(['meet', 'host']);
// "with Putin in Moscow": the place of a meeting follows the one met within this many words.
const MET_AT = 2;

// Titles may stand between a first verb and its subject: "وصل أمين مجلس الأمن الروسي سيرغي شويغو".
const SUBJECT_REACH = 6;

/** In a verb-first language, the person named first after the verb in its clause, within reach. */
function subjectAfter(verb: CueHit, f: Facts): Mention | undefined {
  const clause = f.clauses[verb.from - f.from];
  return f.mentions.find(
    (m) =>
      m.from >= verb.to &&
      m.from - verb.to <= SUBJECT_REACH &&
      m.via !== 'pronoun' &&
      f.clauses[m.from - f.from] === clause,
  );
}

/**
 * "South Africa welcomed the BRICS leaders, but Putin will skip the summit": a state that hosts
 * receives those it welcomes; it is his destination there only if he is among them.
 */
export function hostsOthers(place: Place, f: Facts, subjectId: string): boolean {
  const verb = f.cues.find(
    (c) =>
      c.kind === 'host' &&
      c.from >= place.to &&
      c.from - place.to <= 1 &&
      f.clauses[c.from - f.from] === place.clause,
  );
  if (!verb) return false;
  return !f.mentions.some((m) => m.subjectId === subjectId && objectOf(m, verb, f));
}

/** "The Kremlin leader's visit", "his planned state visit": the journey is his own. */
function owns(m: Mention, verb: CueHit, f: Facts, tokens: readonly Token[]): boolean {
  const from = tokens[m.to]?.key === 's' ? m.to + 1 : m.to;
  if (verb.from - from > OWNER_REACH) return false;
  const between = tokens.slice(from, verb.from);
  return (
    between.every((t) => !isCapitalized(t.raw)) && !f.cues.some((c) => c.from >= from && c.to <= verb.from)
  );
}

/** A title ("the foreign minister", "judges") or a name of two capitalised words before the verb. */
function anotherActor(f: Facts, verb: CueHit, tokens: readonly Token[]): boolean {
  if (f.cues.some((c) => c.kind === 'attributive' && c.to <= verb.from)) return true;
  const named = (i: number) =>
    f.places.some((p) => i >= p.from && i < p.to) || f.mentions.some((m) => i >= m.from && i < m.to);
  let run = 0;
  for (let i = f.from; i < verb.from; i++) {
    const t = tokens[i]!;
    const joined = run > 0 && t.start - tokens[i - 1]!.end === 1;
    if (!isCapitalized(t.raw) || named(i) || /^\p{Lu}+$/u.test(t.raw)) run = 0;
    else run = joined ? run + 1 : 1;
    if (run >= 2) return true;
  }
  return false;
}
