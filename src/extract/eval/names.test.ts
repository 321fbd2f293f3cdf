import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../../registry/index.js';
import { subjectNames } from './names.js';

describe('subjectNames', () => {
  const names = subjectNames(loadRegistry());
  it.each([
    ['Vladimir Putin', 'putin-vladimir'],
    ['Omar al-Bashir', 'al-bashir-omar'],
    ['Benjamin Netanyahu', 'netanyahu-benjamin'],
  ])('maps the canonical name %s to %s', (name, id) => {
    expect(names.idOf(name)).toBe(id);
    expect(names.nameOf(id)).toBe(name);
  });

  it('knows no one by an unknown name', () => {
    expect(names.idOf('Nobody In Particular')).toBeUndefined();
  });
});
