/**
 * @module web/map/world
 * The world's country shapes as SVG paths, drawn once per process from world-atlas (Natural
 * Earth, 1:110 million) with d3-geo's Equal Earth projection (areas true to size, so no state
 * looks larger than it is), keyed by ISO 3166-1 alpha-2. Pure geometry: which state is coloured
 * how is the caller's (map/index.ts).
 */
import { createRequire } from 'node:module';
import { geoEqualEarth, geoPath } from 'd3-geo';
import type { FeatureCollection, Geometry } from 'geojson';
import countries from 'i18n-iso-countries';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

export const MAP_WIDTH = 960;
export const MAP_HEIGHT = 467;

export interface CountryShape {
  /** ISO 3166-1 alpha-2; shapes world-atlas gives no code (Kosovo, Northern Cyprus, Somaliland) are left out. */
  iso2: string;
  /** The SVG path, in the map's viewBox. */
  d: string;
}

let shapes: readonly CountryShape[] | undefined;

/** Every country's shape, computed on first use (about 40 ms) and kept. */
export function worldShapes(): readonly CountryShape[] {
  if (shapes) return shapes;
  const topology = createRequire(import.meta.url)('world-atlas/countries-110m.json') as Topology<{
    countries: GeometryCollection<{ name: string }>;
  }>;
  const world = feature(topology, topology.objects.countries) as FeatureCollection<
    Geometry,
    { name: string }
  >;
  // Antarctica is left out: no state there, and a fifth of the picture.
  const inhabited = { ...world, features: world.features.filter((f) => f.id !== '010') };
  const projection = geoEqualEarth().fitSize([MAP_WIDTH, MAP_HEIGHT], inhabited);
  const path = geoPath(projection).digits(1);
  const out: CountryShape[] = [];
  for (const f of inhabited.features) {
    const iso2 = f.id === undefined ? undefined : countries.numericToAlpha2(String(f.id));
    const d = path(f);
    if (iso2 && d) out.push({ iso2, d });
  }
  shapes = out;
  return shapes;
}
