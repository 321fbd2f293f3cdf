import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dayFromToday, spelledDay } from '../testing/claims.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../testing/cli.js';
import { freshDatabase } from '../testing/postgres.js';

const dir = mkdtempSync(join(tmpdir(), 'ww-record-'));
const env = { DATABASE_URL: `sqlite:${join(dir, 'ww.db')}`, WW_FEEDS_DIR: join(dir, 'feeds') };

const VISIT = dayFromToday(6);

interface TripJson {
  id: string;
  country_iso2: string;
  status: string;
  curated: unknown;
  history: { status: string }[];
  evidence: { url: string }[];
}

describe('ingest, trips and alerts', () => {
  beforeAll(async () => {
    const file = join(dir, 'news.jsonl');
    writeFileSync(
      file,
      JSON.stringify({
        id: 'k-1',
        url: 'https://news.example/k-1',
        published: dayFromToday(0),
        text: `Russian President Vladimir Putin will visit Mongolia on ${spelledDay(VISIT)}, the Kremlin said.`,
      }) + '\n',
    );
    const r = await runCli(['ingest', file], env);
    expect(r.err).toBe('');
    expect(r.out).toContain('recorded 1 article(s): 1 alert(s) raised');
  }, 60_000);

  it('lists the planned trip with its evidence, beside the curated history', async () => {
    const r = await runCli(['trips', '--country', 'Mongolia', '--json'], env);
    expect(r.code).toBe(0);
    const trips = JSON.parse(r.out) as TripJson[];
    const news = trips.filter((t) => !t.curated);
    expect(news.map((t) => [t.country_iso2, t.status, t.evidence[0]!.url])).toEqual([
      ['MN', 'planned', 'https://news.example/k-1'],
    ]);
    expect(trips.some((t) => t.id === 'PUT-2024-09-02-MN')).toBe(true);
    const table = await runCli(['trips', '--status', 'planned'], env);
    expect(table.out).toMatch(/Vladimir Putin {2}MN .* planned {2}binding {2}unknown/);
  });

  it('writes the alert into the feeds, overall, of the person and of the state', async () => {
    for (const path of ['alerts', 'alerts/subject/putin-vladimir', 'alerts/country/MN']) {
      const atom = readFileSync(join(dir, 'feeds', `${path}.atom`), 'utf8');
      expect(atom).toContain('Vladimir Putin to visit Mongolia');
      const json = JSON.parse(readFileSync(join(dir, 'feeds', `${path}.json`), 'utf8')) as {
        items: unknown[];
      };
      expect(json.items).toHaveLength(1);
    }
  });

  it('lists the alert once, and ingesting the same file again raises nothing', async () => {
    const again = await runCli(['ingest', join(dir, 'news.jsonl')], env);
    expect(again.out).toContain('recorded 0 article(s): 0 alert(s) raised');
    const r = await runCli(['alerts', '--json'], env);
    const alerts = JSON.parse(r.out) as { kind: string; country_iso2: string }[];
    expect(alerts.map((a) => `${a.kind} ${a.country_iso2}`)).toEqual(['upcoming_visit MN']);
    expect((await runCli(['alerts', '--since', dayFromToday(1)], env)).out).toBe('no alerts\n');
  });

  it("keeps a state's ledger: each visit against its duty, beside the Court's findings", async () => {
    const r = await runCli(['ledger', 'Mongolia', '--json'], env);
    const ledger = JSON.parse(r.out) as {
      entries: { trip: { id: string; status: string }; verdict: string; finding_ids: string[] }[];
      findings: { id: string; subject_ids: string[] }[];
    };
    expect(ledger.entries.map((e) => [e.trip.status, e.verdict])).toEqual([
      ['planned', 'pending'],
      ['completed', 'failed_to_arrest'],
    ]);
    expect(ledger.entries[1]).toMatchObject({ trip: { id: 'PUT-2024-09-02-MN' }, finding_ids: ['F19'] });
    // The API's shape: the same keys as GET /api/v1/countries/MN/ledger.
    expect(ledger.findings.map((f) => [f.id, f.subject_ids])).toEqual([['F19', ['putin-vladimir']]]);
    const text = await runCli(['ledger', 'netanyahu'], env);
    expect(text.out).toMatch(
      /Benjamin Netanyahu -> HU Budapest: completed, duty binding: FAILED TO ARREST \[Court: F20/,
    );
  });

  it("takes an analyst's decision on a trip and keeps it in the audit log", async () => {
    const trips = JSON.parse(
      (await runCli(['trips', '--status', 'planned', '--json'], env)).out,
    ) as TripJson[];
    const id = trips[0]!.id;
    const edit = await runCli(
      ['review', id, 'edit', '--city', 'Ulaanbaatar', '--by', 'ana', '--why', 'readout'],
      env,
    );
    expect(edit.err).toBe('');
    expect(edit.out).toMatch(new RegExp(`^edit of ${id} recorded \\(review .+, by ana\\)`));
    const table = await runCli(['trips', '--status', 'planned'], env);
    expect(table.out).toContain(`${id} (edited)`);
    expect(table.out).toContain('MN Ulaanbaatar');
    const bad = await runCli(['review', id, 'edit', '--start', '2026-02-30', '--by', 'ana'], env);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('bad --start "2026-02-30"');
    const nobody = await runCli(['review', 'trip-nope', 'reject', '--by', 'ana'], env);
    expect([nobody.code, nobody.err]).toEqual([2, 'warrant-watch: no trip trip-nope in the record\n']);
  });

  it('exports the whole record and imports it into a fresh database, which exports the same', async () => {
    const file = join(dir, 'record.jsonl');
    expect((await runCli(['export', file], env)).out).toMatch(/^exported \d+ rows to /);
    const fresh = { DATABASE_URL: `sqlite:${join(dir, 'fresh.db')}` };
    expect((await runCli(['import', file], fresh)).code).toBe(0);
    expect((await runCli(['import', file], fresh)).out).toMatch(/^imported 0 new rows of \d+/);
    const body = (text: string) => text.split('\n').slice(1).join('\n');
    const again = await runCli(['export'], fresh);
    expect(body(again.out)).toBe(body(readFileSync(file, 'utf8')));
    expect(again.out).toContain('"table":"trip_reviews"');
    const broken = join(dir, 'broken.jsonl');
    writeFileSync(broken, `${readFileSync(file, 'utf8').split('\n')[0]}\n{"table":"sources","row":{}}\n`);
    const bad = await runCli(['import', broken], fresh);
    expect([bad.code, bad.err]).toEqual([
      2,
      `warrant-watch: 1 bad line(s), nothing imported:\n${broken}:2: not a table of the record\n`,
    ]);
  });

  it('moves the record to PostgreSQL and back: every table has the same rows and hash at each hop', async () => {
    const file = join(dir, 'to-postgres.jsonl');
    await runCli(['export', file], env);
    const pgEnv = { DATABASE_URL: await freshDatabase(), WW_FEEDS_DIR: join(dir, 'feeds-pg') };
    const imported = await runCli(['import', file], pgEnv);
    expect(imported.err).toBe('');
    const back = join(dir, 'from-postgres.jsonl');
    await runCli(['export', back], pgEnv);
    const sqliteAgain = { DATABASE_URL: `sqlite:${join(dir, 'again.db')}` };
    expect((await runCli(['import', back], sqliteAgain)).code).toBe(0);
    const hashes = await Promise.all([env, pgEnv, sqliteAgain].map((e) => runCli(['export', '--hashes'], e)));
    const tables = hashes[0]!.out.trim().split('\n');
    expect(tables.length).toBe(9);
    expect(tables.find((l) => l.startsWith('trips '))).toMatch(/^trips +[1-9]\d* +[0-9a-f]{64}$/);
    expect(hashes[1]!.out).toBe(hashes[0]!.out);
    expect(hashes[2]!.out).toBe(hashes[0]!.out);
    const body = (text: string) => text.split('\n').slice(1).join('\n');
    expect(body(readFileSync(back, 'utf8'))).toBe(body(readFileSync(file, 'utf8')));
  }, 60_000);

  it('says what was wrong with a bad filter', async () => {
    const status = await runCli(['trips', '--status', 'gone'], env);
    expect(status.code).toBe(2);
    expect(status.err).toContain('unknown status "gone"; choose one of: planned, under_way');
    const since = await runCli(['alerts', '--since', 'yesterday'], env);
    expect(since.code).toBe(2);
    expect(since.err).toContain('--since must be a day (YYYY-MM-DD) or an ISO time, not "yesterday"');
  });
});
