/**
 * @module web/map/world
 * The world's country shapes as SVG paths, drawn once per process from world-atlas (Natural
 * Earth, 1:110 million) with d3-geo's Equal Earth projection (areas true to size, so no state
 * looks larger than it is), keyed by ISO 3166-1 alpha-2. Pure geometry: which state is coloured
 * how is the caller's (map/index.ts).
 */
import { createHash } from 'node:crypto';
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

/** The id of a state's shape in the sprite. */
export const shapeId = (iso2: string) => `s-${iso2.toLowerCase()}`;

let sprite: { svg: string; href: string } | undefined;

/**
 * Every shape once, in one SVG document pages point into (`<use href="…#s-fr">`): a map on a page
 * is a few kilobytes of links instead of 110 kB of paths, and a reader's browser keeps the shapes.
 * Its address carries a hash of its content, so it may be kept for ever and never be stale.
 */
export function worldSprite(): { svg: string; href: string } {
  if (sprite) return sprite;
  const paths = worldShapes().map(({ iso2, d }) => `<path id="${shapeId(iso2)}" d="${d}"/>`);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${MAP_WIDTH} ${MAP_HEIGHT}"><defs>${paths.join('')}</defs></svg>`;
  const hash = createHash('sha256').update(svg).digest('hex').slice(0, 12);
  sprite = { svg, href: `/maps/world-${hash}.svg` };
  return sprite;
}
