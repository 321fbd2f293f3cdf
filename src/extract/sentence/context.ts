/**
 * @module extract/context
 * What the rules may ask about the article being read: its tokens, publication date and languages,
 * the days of a sentence (parsed on first request only, since date parsing is the costly step),
 * and registry facts about a subject (nationality, the territory of the crimes he is charged with).
 */
import type { Registry } from '../../registry/index.js';
import type { DatePattern } from '../dates/date-patterns.js';
import { findDays, type DayMention } from '../dates/dates.js';
import type { Facts } from './facts.js';
import { withoutDateline } from './datelines.js';
import type { Token } from '../text/tokens.js';

export interface Context {
  text: string;
  tokens: readonly Token[];
  published: string | null;
  days(f: Facts): DayMention[];
  nationality(subjectId: string): string | undefined;
  crimeScene(subjectId: string): ReadonlySet<string>;
}

export interface SubjectFacts {
  nationality: ReadonlyMap<string, string>;
  crimeScene: ReadonlyMap<string, ReadonlySet<string>>;
}

/** Per-subject facts, computed once per extractor. */
export function subjectFacts(reg: Registry): SubjectFacts {
  const nationality = new Map<string, string>();
  const crimeScene = new Map<string, Set<string>>();
  for (const s of reg.subjects.values()) {
    if (s.nationality) nationality.set(s.id, s.nationality);
    const scene = new Set<string>();
    for (const w of reg.warrantsBySubject.get(s.id) ?? [])
      for (const iso2 of reg.situations.get(w.situation)?.territory ?? []) scene.add(iso2);
    crimeScene.set(s.id, scene);
  }
  return { nationality, crimeScene };
}

const EMPTY: ReadonlySet<string> = new Set();

export function makeContext(
  text: string,
  tokens: readonly Token[],
  published: string | null,
  langs: readonly string[],
  subjects: SubjectFacts,
  datePatterns: readonly DatePattern[],
): Context {
  const cache = new Map<Facts, DayMention[]>();
  return {
    text,
    tokens,
    published,
    days(f) {
      let d = cache.get(f);
      if (!d) {
        const words = tokens.slice(f.from, f.to);
        d = findDays(f.sentence.text, f.sentence.start, langs, published, datePatterns, words);
        cache.set(f, (d = withoutDateline(d, f, text, tokens)));
      }
      return d;
    },
    nationality: (id) => subjects.nationality.get(id),
    crimeScene: (id) => subjects.crimeScene.get(id) ?? EMPTY,
  };
}
