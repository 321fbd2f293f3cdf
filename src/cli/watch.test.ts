import { describe, expect, it } from 'vitest';
import type { Source } from '../ingest/sources.js';
import { dueSources } from './commands/watch.js';

const s = (id: string, everyMinutes: number, enabled = true): Source => ({
  id,
  kind: 'feed',
  url: `https://example.org/${id}`,
  title: id,
  lang: 'en',
  everyMinutes,
  enabled,
});

describe('dueSources', () => {
  const now = Date.parse('2026-11-27T12:00:00Z');
  it('polls a source never polled, and one whose interval has passed', () => {
    const last = new Map([
      ['b', now - 31 * 60_000],
      ['c', now - 10 * 60_000],
    ]);
    expect(dueSources([s('a', 30), s('b', 30), s('c', 30)], last, now).map((x) => x.id)).toEqual(['a', 'b']);
  });
  it('never polls a disabled source', () => {
    expect(dueSources([s('a', 30, false)], new Map(), now)).toEqual([]);
  });
});
