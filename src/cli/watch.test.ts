import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Source } from '../ingest/sources.js';
import { runCli } from '../testing/cli.js';
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

describe('warrant-watch watch', () => {
  it('names a missing sources file in one line, without a stack trace', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'ww-watch-')), 'ww.db');
    const r = await runCli(['watch', '--once', '--sources', '/nowhere/sources.yaml'], {
      DATABASE_URL: `sqlite:${db}`,
    });
    expect([r.code, r.err]).toEqual([
      2,
      'warrant-watch: cannot read the sources file /nowhere/sources.yaml: no such file (set WW_SOURCES_FILE or --sources)\n',
    ]);
  });
});
