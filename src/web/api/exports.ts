/**
 * @module web/api/exports
 * Trips as files: CSV (one row a trip, spreadsheet-safe), JSON lines (one trip a line, the API's
 * shape) and GeoJSON (a Point a trip). Pure: trips in, text out.
 */
import type { Registry } from '../../model.js';
import type { StoredTrip } from '../../store/index.js';
import { storedTripJson } from './json.js';

type TripJson = ReturnType<typeof storedTripJson>;

// Cells a spreadsheet would run as a formula (OWASP: = + - @, and tab or carriage return first).
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV cell (RFC 4180): a formula made inert with a leading quote, then quoted when needed. */
export function csvCell(value: string | number | boolean | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replaceAll('"', '""')}"` : text;
}

const COLUMNS: [string, (t: TripJson) => string | number | boolean | null][] = [
  ['id', (t) => t.id],
  ['subject_id', (t) => t.subject_id],
  ['subject_name', (t) => t.subject_name],
  ['country_iso2', (t) => t.country_iso2],
  ['city', (t) => t.city],
  ['start', (t) => t.start],
  ['end', (t) => t.end],
  ['status', (t) => t.status],
  ['outcome', (t) => t.outcome],
  ['confidence', (t) => t.confidence],
  ['duty_kind', (t) => t.duty.kind],
  ['duty_date', (t) => t.duty.date],
  ['first_reported', (t) => t.first_reported],
  ['first_added', (t) => t.first_added],
  ['last_changed', (t) => t.last_changed],
  ['last_checked', (t) => t.last_checked],
  // The curated record's sources, then the news that spoke of the trip; separated by spaces.
  [
    'source_urls',
    (t) => [...new Set([...(t.curated?.sources ?? []), ...t.evidence.map((e) => e.url)])].join(' '),
  ],
];

export function tripsCsv(trips: readonly StoredTrip[], reg: Registry): string {
  const rows = trips.map((t) => {
    const json = storedTripJson(t, reg);
    return COLUMNS.map(([, get]) => csvCell(get(json))).join(',');
  });
  return [COLUMNS.map(([name]) => name).join(','), ...rows].map((r) => `${r}\r\n`).join('');
}

export const tripsJsonl = (trips: readonly StoredTrip[], reg: Registry): string =>
  trips.map((t) => `${JSON.stringify(storedTripJson(t, reg))}\n`).join('');

/**
 * A Point per trip at its host country's reference point (world-countries' latlng): the record
 * keeps a city's name, not its coordinates, so a trip to Ulaanbaatar stands at Mongolia's point.
 */
export function tripsGeoJson(trips: readonly StoredTrip[], reg: Registry) {
  return {
    type: 'FeatureCollection' as const,
    features: trips.flatMap((t) => {
      const latlng = reg.countryByIso2.get(t.countryIso2)?.latlng;
      if (!latlng) return [];
      const json = storedTripJson(t, reg);
      return [
        {
          type: 'Feature' as const,
          id: t.id,
          geometry: { type: 'Point' as const, coordinates: [latlng[1], latlng[0]] },
          properties: {
            id: json.id,
            subject_id: json.subject_id,
            subject_name: json.subject_name,
            country_iso2: json.country_iso2,
            city: json.city,
            start: json.start,
            end: json.end,
            status: json.status,
            outcome: json.outcome,
            duty_kind: json.duty.kind,
            located_by: 'country',
            first_added: json.first_added,
            last_changed: json.last_changed,
            last_checked: json.last_checked,
          },
        },
      ];
    }),
  };
}
