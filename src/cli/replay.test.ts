import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../testing/cli.js';

const STREAM = join(import.meta.dirname, '../jobs/testdata/stream-mn.jsonl');
const EXPECTED = join(import.meta.dirname, '../jobs/testdata/stream-mn.expected.json');
const dir = mkdtempSync(join(tmpdir(), 'ww-replay-'));

interface ReplayJson {
  trips: {
    id: string;
    status: string;
    start: string | null;
    history: { status: string; article_id: string }[];
  }[];
  alerts: { kind: string; trip_id: string; article_id: string; created_at: string }[];
  score: { trips: { f1: number }; alerts: { precision: number; recall: number }; stray_articles: unknown[] };
}

async function replayJson(file: string): Promise<ReplayJson> {
  const r = await runCli(['replay', file, '--json', '--score', EXPECTED]);
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.out) as ReplayJson;
}

// Each replay builds the real extractor (seconds on a loaded machine): both run once, before the tests.
let straight: ReplayJson;
let reversed: ReplayJson;
beforeAll(async () => {
  const file = join(dir, 'reversed.jsonl');
  writeFileSync(file, readFileSync(STREAM, 'utf8').trim().split('\n').reverse().join('\n'));
  [straight, reversed] = [await replayJson(STREAM), await replayJson(file)];
}, 120_000);

describe('warrant-watch replay', () => {
  it('turns a stream into one trip per journey, each alert raised by the first article that supports it', () => {
    const out = straight;
    const current = out.trips.find((t) => t.history[0]!.article_id === 'r-1')!;
    expect(current.history.map((h) => `${h.status}@${h.article_id}`)).toEqual([
      'planned@r-1',
      'under_way@r-2',
      'completed@r-3',
    ]);
    expect(current.start).toBe('2024-09-02');
    // The visit of 2019 recalled on 30 August is a trip of its own, and history raises no alert.
    expect(out.alerts.map((a) => `${a.kind}@${a.article_id}@${a.created_at}`)).toEqual([
      'upcoming_visit@r-1@2024-08-29T00:00:00.000Z',
      'arrival@r-2@2024-09-02T00:00:00.000Z',
      'departed_without_arrest@r-3@2024-09-04T00:00:00.000Z',
    ]);
    expect(out.alerts.every((a) => a.trip_id === current.id)).toBe(true);
    expect(out.score.trips.f1).toBe(1);
    expect(out.score.alerts).toMatchObject({ precision: 1, recall: 1 });
    expect(out.score.stray_articles).toEqual([]);
  });

  it('gives the same record whatever order the lines of the file are in', () => {
    expect(reversed).toEqual(straight);
  });

  it('names every bad line and replays nothing', async () => {
    const bad = join(dir, 'bad.jsonl');
    writeFileSync(bad, `${readFileSync(STREAM, 'utf8').split('\n')[0]}\n{"id":"x","text":"t"}\nnot json\n`);
    const r = await runCli(['replay', bad]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('bad.jsonl:2: field published');
    expect(r.err).toContain('bad.jsonl:3: not JSON');
    expect(r.out).toBe('');
  });
});
