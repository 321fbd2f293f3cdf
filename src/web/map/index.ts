/**
 * @module web/map
 * The world map of who must arrest whom, drawn on the server as SVG (no tile server, no script):
 * each state coloured by what it owes, each a link to its page, with a text title for screen
 * readers and a legend in words beside it, so nothing rests on colour alone.
 */
import { dutyMatrix } from '../../law/index.js';
import type { IsoDate, Registry } from '../../registry/index.js';
import { html, type Html } from '../html.js';
import { MAP_HEIGHT, MAP_WIDTH, shapeId, worldShapes, worldSprite } from './world.js';

export { worldSprite } from './world.js';

/** How a state is shown: must arrest, owes nothing, the host of the trip in view. */
export type MapFill = 'binding' | 'host' | 'host-binding' | 'none';

const LEGEND: Record<MapFill, string> = {
  binding: 'must arrest',
  'host-binding': 'host, must arrest',
  host: 'host, no duty to arrest',
  none: 'no duty to arrest',
};

export interface WorldMapOptions {
  /** The heading of the map, also its accessible name. */
  title: string;
  fills: ReadonlyMap<string, MapFill>;
  /** A state's name, for its tooltip and title. */
  nameOf: (iso2: string) => string;
  /** Where a state links to; none when omitted. */
  hrefOf?: (iso2: string) => string;
}

let counter = 0;

/** The map and its legend. */
export function worldMap(o: WorldMapOptions): Html {
  const id = `map-${++counter}`;
  // A map of links is a group of them (an image may hold nothing interactive: axe's nested-interactive).
  const sprite = worldSprite().href;
  const paths = worldShapes().map(({ iso2 }) => {
    const fill = o.fills.get(iso2) ?? 'none';
    const label = `${o.nameOf(iso2)}: ${LEGEND[fill]}`;
    const shape = html`<use class="state ${fill}" href="${sprite}#${shapeId(iso2)}"><title>${label}</title></use>`;
    return o.hrefOf ? html`<a href="${o.hrefOf(iso2)}" aria-label="${label}">${shape}</a>` : shape;
  });
  const used = new Set(o.fills.values());
  const legend = (Object.keys(LEGEND) as MapFill[])
    .filter((f) => f === 'none' || used.has(f))
    .map((f) => html`<li><span class="swatch ${f}" aria-hidden="true"></span>${LEGEND[f]}</li>`);
  return html`<figure class="world-map">
<svg class="map" viewBox="0 0 ${MAP_WIDTH} ${MAP_HEIGHT}" role="${o.hrefOf ? 'group' : 'img'}" aria-labelledby="${id}" xmlns="http://www.w3.org/2000/svg">
<title id="${id}">${o.title}</title>
${paths}
</svg>
<figcaption><ul class="legend">${legend}</ul></figcaption>
</figure>`;
}

/**
 * The states that must arrest `subjectId` on `date`, from the law engine's matrix (every binding
 * ground: Rome Statute party, art. 12(3) declaration, Security Council referral); `host` marks the
 * state of a trip in view.
 */
export function dutyFills(
  reg: Registry,
  subjectId: string,
  date: IsoDate,
  host?: string,
): Map<string, MapFill> {
  const fills = new Map<string, MapFill>();
  for (const e of dutyMatrix(reg, date).entries) if (e.subjectId === subjectId) fills.set(e.iso2, 'binding');
  if (host) fills.set(host, fills.get(host) === 'binding' ? 'host-binding' : 'host');
  return fills;
}

/** The duty map of one person on one date, each state linking to its page. */
export function dutyMap(reg: Registry, subjectId: string, date: IsoDate, host?: string): Html {
  const name = reg.subjects.get(subjectId)?.name ?? subjectId;
  return worldMap({
    title: `States that must arrest ${name} on ${date}`,
    fills: dutyFills(reg, subjectId, date, host),
    nameOf: (iso2) => reg.countryName(iso2),
    hrefOf: (iso2) => `/countries/${iso2}`,
  });
}
