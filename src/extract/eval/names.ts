/**
 * @module extract/eval/names
 * Subject names of the corpus ("Vladimir Putin", "Omar al-Bashir") to registry ids and back,
 * through the registry's names and variants.
 */
import { findSubject, normalizeName, spellingsOf, type Registry } from '../../registry/index.js';
import type { SubjectNames } from './events.js';

export function subjectNames(reg: Registry): SubjectNames {
  const byName = new Map<string, string>();
  for (const s of reg.subjects.values()) for (const n of spellingsOf(s)) byName.set(normalizeName(n), s.id);
  const cache = new Map<string, string | undefined>();
  return {
    idOf(name) {
      if (!cache.has(name)) {
        const found = findSubject(reg, name);
        cache.set(
          name,
          byName.get(normalizeName(name)) ?? (found.kind === 'found' ? found.value.id : undefined),
        );
      }
      return cache.get(name);
    },
    nameOf: (id) => reg.subjects.get(id)?.name ?? id,
  };
}
