/**
 * @module bench/generate
 * The seeded generator of a large record (articles, trips with history and evidence, alerts), as
 * batches of rows per table, and its two writers: straight SQL into SQLite and into PostgreSQL. Both
 * stores get exactly the same rows, so a query timed on each is timed over the same data. This is the
 * generator, not the product's path: it bypasses the store to fill a million rows in seconds.
 */
import Database from 'better-sqlite3';
import pg from 'pg';
import { BAND_COLUMNS } from '../src/store/schema.js';

/** A small, seeded PRNG (mulberry32): the same data on every run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const STATES = [
  'MN',
  'ZA',
  'BR',
  'TJ',
  'KE',
  'AR',
  'DE',
  'JP',
  'CN',
  'IN',
  'KP',
  'VN',
  'TR',
  'AE',
  'SA',
  'KZ',
];
export const STATUSES = ['planned', 'planned', 'under_way', 'completed', 'cancelled'] as const;
export const DAY = 86_400_000;
export const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

type Value = string | number | null;

/** Rows of one table, all with the same columns. */
export interface Batch {
  table: string;
  columns: readonly string[];
  rows: Value[][];
}

const ARTICLE_COLUMNS = [
  'id',
  'url',
  'canonical_url',
  'source',
  'title',
  'byline',
  'published_at',
  'fetched_at',
  'lang',
  'text',
  'content_hash',
  'simhash',
  'cluster_id',
  ...BAND_COLUMNS,
];
const TRIP_COLUMNS = [
  'id',
  'subject_id',
  'country_iso2',
  'city',
  'start_day',
  'end_day',
  'status',
  'confidence',
  'first_reported',
  'contradictions',
  'arrest_article_id',
  'arrest_published',
  'curated_id',
  'curated_outcome',
  'curated_sources',
];
const HISTORY_COLUMNS = ['trip_id', 'seq', 'status', 'article_id', 'published', 'basis'];
const ALERT_COLUMNS = [
  'id',
  'seq',
  'kind',
  'trip_id',
  'subject_id',
  'country_iso2',
  'created_at',
  'article_id',
  'evidence_article_id',
  'evidence_published',
  'duty',
];
const EVIDENCE_COLUMNS = [
  'trip_id',
  'seq',
  'article_id',
  'url',
  'published',
  'cluster_id',
  'status',
  'start_day',
  'end_day',
  'city',
  'confidence',
  'quote',
  'moved',
];

/**
 * The record in batches of at most `size` rows: `articles` articles over 2009–2026, then `trips`
 * trips of the given persons to 16 states, each with one history row, up to ten pieces of evidence
 * (its share of the articles) and, for one trip in five, an alert.
 */
export function* generate(
  articles: number,
  trips: number,
  subjects: readonly string[],
  size = 2_000,
): Generator<Batch> {
  const rnd = prng(7);
  const t0 = Date.parse('2009-01-01');
  const band = () => Math.floor(rnd() * 256);
  for (let from = 0; from < articles; from += size) {
    const rows: Value[][] = [];
    for (let i = from; i < Math.min(articles, from + size); i++) {
      const day = iso(t0 + Math.floor(rnd() * 6500) * DAY);
      const id = `a${i}`;
      const bands = Array.from({ length: 8 }, band);
      rows.push([
        id,
        `https://news.example/${i}`,
        null,
        'bench',
        null,
        null,
        day,
        `${day}T12:00:00.000Z`,
        'en',
        `Generated article ${i}.`,
        `h${i}`,
        i.toString(16).padStart(16, '0'),
        id,
        ...bands,
      ]);
    }
    yield { table: 'articles', columns: ARTICLE_COLUMNS, rows };
  }
  const perTrip = Math.max(1, Math.floor(articles / trips));
  for (let from = 0; from < trips; from += size) {
    const batch = {
      trips: [] as Value[][],
      history: [] as Value[][],
      alerts: [] as Value[][],
      evidence: [] as Value[][],
    };
    for (let i = from; i < Math.min(trips, from + size); i++) {
      const id = `trip-${i}`;
      const status = STATUSES[i % STATUSES.length]!;
      const day = iso(t0 + Math.floor(rnd() * 6500) * DAY);
      const subject = subjects[i % subjects.length]!;
      const state = STATES[i % STATES.length]!;
      batch.trips.push([
        id,
        subject,
        state,
        null,
        day,
        null,
        status,
        0.8,
        day,
        '[]',
        null,
        null,
        null,
        null,
        null,
      ]);
      batch.history.push([id, 0, status, `a${i * perTrip}`, day, 'reported']);
      if (i % 5 === 0)
        batch.alerts.push([
          `${id}:upcoming_visit`,
          i / 5 + 1,
          'upcoming_visit',
          id,
          subject,
          state,
          `${day}T12:00:00.000Z`,
          `a${i * perTrip}`,
          `a${i * perTrip}`,
          day,
          '{}',
        ]);
      for (let k = 0; k < Math.min(perTrip, 10); k++) {
        const a = i * perTrip + k;
        batch.evidence.push([
          id,
          k,
          `a${a}`,
          `https://news.example/${a}`,
          day,
          `a${a}`,
          status,
          day,
          null,
          null,
          0.8,
          `report ${a}`,
          k ? 0 : 1,
        ]);
      }
    }
    yield { table: 'trips', columns: TRIP_COLUMNS, rows: batch.trips };
    yield { table: 'trip_history', columns: HISTORY_COLUMNS, rows: batch.history };
    if (batch.alerts.length) yield { table: 'alerts', columns: ALERT_COLUMNS, rows: batch.alerts };
    yield { table: 'trip_evidence', columns: EVIDENCE_COLUMNS, rows: batch.evidence };
  }
}

/** Writes the batches into a migrated SQLite store, 25 batches to a transaction. */
export function fillSqlite(path: string, batches: Iterable<Batch>): void {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const statements = new Map<string, Database.Statement>();
  const insert = (b: Batch) => {
    let s = statements.get(b.table);
    if (!s) {
      s = db.prepare(
        `insert into ${b.table} (${b.columns.join(', ')}) values (${b.columns.map(() => '?').join(', ')})`,
      );
      statements.set(b.table, s);
    }
    for (const row of b.rows) s.run(...row);
  };
  let pending: Batch[] = [];
  const flush = db.transaction((list: Batch[]) => list.forEach(insert));
  for (const b of batches) {
    pending.push(b);
    if (pending.length < 25) continue;
    flush(pending);
    pending = [];
  }
  flush(pending);
  db.close();
}

/**
 * Writes the batches into a migrated PostgreSQL store, in multi-row INSERTs (the
 * parameters' types come from the target columns), all in one transaction, then ANALYZE so the
 * planner knows the tables' new sizes as a long-running database would.
 */
export async function fillPostgres(url: string, batches: Iterable<Batch>): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('begin');
    for (const b of batches) {
      const width = b.columns.length;
      // node-postgres counts a statement's parameters in 16 bits: at most 32,767 per INSERT.
      const per = Math.floor(32_767 / width);
      for (let from = 0; from < b.rows.length; from += per) {
        const rows = b.rows.slice(from, from + per);
        const values = rows.map((_, r) => `(${b.columns.map((_, c) => `$${r * width + c + 1}`).join(', ')})`);
        await client.query(
          `insert into ${b.table} (${b.columns.join(', ')}) values ${values.join(', ')}`,
          rows.flat(),
        );
      }
    }
    await client.query('commit');
    await client.query('analyze');
  } finally {
    await client.end();
  }
}
