/**
 * @module store/published
 * The one form a publication time is stored in, whatever form it came in (a feed's RFC 822 date
 * made ISO, page metadata with its offset, a JSON-lines `published` day): `published_at` is the
 * instant in ISO 8601 UTC with milliseconds (text order is time order, for the record's queue and
 * the index), a day alone is its midnight UTC with `published_precision` 'day', and the offset
 * the source wrote is kept in minutes (`published_offset`), so reading back gives the same
 * instant on the same local day the newsroom printed (the extractor's reference day).
 */
import { StoreError } from './errors.js';

export type PublishedPrecision = 'day' | 'time';

export interface StoredPublished {
  published_at: string | null;
  published_precision: PublishedPrecision | null;
  published_offset: number | null;
}

const NONE: StoredPublished = { published_at: null, published_precision: null, published_offset: null };
const DAY = /^(\d{4})-(\d\d)-(\d\d)$/;
const DATE_TIME =
  /^(\d{4})-(\d\d)-(\d\d)[T ](\d\d):(\d\d)(?::(\d\d)(?:[.,](\d+))?)?\s*(Z|[+-]\d\d(?::?\d\d)?)?$/i;
/** A zone written out at the end (RFC 822 and the like), so Date.parse reads no local time. */
const EXPLICIT_ZONE = /(?:\b(?:GMT|UTC|UT|Z)|[+-]\d\d:?\d\d)$/i;

const realDay = (y: string, m: string, d: string) => {
  const t = Date.UTC(+y, +m - 1, +d);
  return new Date(t).toISOString().slice(0, 10) === `${y}-${m}-${d}`;
};

function offsetMinutes(zone: string | undefined): number {
  if (!zone || zone.toUpperCase() === 'Z') return 0;
  const m = /^([+-])(\d\d):?(\d\d)?$/.exec(zone)!;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
}

/** What a value is, or undefined when it cannot be read as a day or an instant. */
function read(value: string): StoredPublished | undefined {
  const s = value.trim();
  const day = DAY.exec(s);
  if (day) {
    if (!realDay(day[1]!, day[2]!, day[3]!)) return undefined;
    return { published_at: `${s}T00:00:00.000Z`, published_precision: 'day', published_offset: null };
  }
  const dt = DATE_TIME.exec(s);
  if (dt) {
    const [, y, mo, d, h, mi, sec, frac, zone] = dt;
    if (!realDay(y!, mo!, d!) || +h! > 23 || +mi! > 59 || +(sec ?? 0) > 59) return undefined;
    const offset = offsetMinutes(zone);
    const ms = Number(`0.${frac ?? 0}`) * 1000;
    const local = Date.UTC(+y!, +mo! - 1, +d!, +h!, +mi!, +(sec ?? 0), Math.floor(ms));
    const at = new Date(local - offset * 60_000).toISOString();
    return { published_at: at, published_precision: 'time', published_offset: offset };
  }
  const t = EXPLICIT_ZONE.test(s) ? Date.parse(s) : Number.NaN;
  if (Number.isNaN(t)) return undefined;
  const zone = /([+-]\d\d:?\d\d)$/.exec(s)?.[1];
  return {
    published_at: new Date(t).toISOString(),
    published_precision: 'time',
    published_offset: offsetMinutes(zone),
  };
}

/** The stored form of a publication time; refuses a value that is neither a day nor an instant. */
export function storedPublished(value: string | null | undefined): StoredPublished {
  if (value === null || value === undefined || value.trim() === '') return NONE;
  const r = read(value);
  if (!r)
    throw new StoreError(
      'invalid_request',
      `publishedAt is neither a day (YYYY-MM-DD) nor a time with its zone: ${JSON.stringify(value.slice(0, 80))}`,
    );
  return r;
}

/** For rows stored before the one form (migration 004): what cannot be read is dropped, and the
 * article is dated by when it was fetched, as it already was when its date could not be read. */
export function storedPublishedOrNone(value: string | null | undefined): StoredPublished {
  try {
    return storedPublished(value);
  } catch {
    return NONE;
  }
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The publication time as the domain reads it: the day, or the instant at the source's offset. */
export function publishedOf(r: StoredPublished): string | undefined {
  if (!r.published_at) return undefined;
  if (r.published_precision === 'day') return r.published_at.slice(0, 10);
  const offset = r.published_offset ?? 0;
  if (offset === 0) return r.published_at;
  const local = new Date(Date.parse(r.published_at) + offset * 60_000).toISOString().slice(0, -1);
  const a = Math.abs(offset);
  return `${local}${offset < 0 ? '-' : '+'}${pad(Math.floor(a / 60))}:${pad(a % 60)}`;
}
