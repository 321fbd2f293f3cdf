import { describe, expect, it } from 'vitest';
import { hostOf, sourceLink, tripDays } from './parts.js';

describe('the pages’ parts', () => {
  it('writes a trip’s days as short as they stay clear', () => {
    expect(tripDays({ start: '2024-09-02', end: '2024-09-03' })).toBe('2–3 September 2024');
    expect(tripDays({ start: '2025-08-31', end: '2025-09-03' })).toBe('31 August – 3 September 2025');
    expect(tripDays({ start: '2024-12-31', end: '2025-01-02' })).toBe('31 December 2024 – 2 January 2025');
    expect(tripDays({ start: '2024-09-02', end: null })).toBe('2 September 2024');
    expect(tripDays({ start: null, end: null })).toBe('days unknown');
  });

  it('names a source by its site, and never links a script', () => {
    expect(hostOf('https://www.example.org/a/b')).toBe('example.org');
    expect(sourceLink('javascript:alert(1)').text).toBe(
      '<a href="#" rel="nofollow noopener" class="source">the article</a>',
    );
  });
});
