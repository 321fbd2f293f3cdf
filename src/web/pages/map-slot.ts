/**
 * @module web/pages/map-slot
 * The place of the world map (src/web/map, to come) on the home and person pages: until it lands, a
 * plain list of the states bound to arrest the person today (on the home page, how many for each
 * person), which the map will draw.
 */
import { boundStatesBySubject } from '../../law/index.js';
import type { IsoDate, Registry } from '../../model.js';
import { html, type Html } from '../html.js';
import { countryLink, day, personHref, personLink } from './parts.js';

/** The states bound to arrest `subjectId` (or every wanted person) on `date`, as a section. */
export function mapSlot(reg: Registry, date: IsoDate, subjectId?: string): Html {
  const rows = boundStatesBySubject(reg, date)
    .filter((r) => !subjectId || r.subjectId === subjectId)
    .sort((a, b) => a.subject.localeCompare(b.subject));
  const states = (iso2s: string[]) =>
    html`<ul class="states">${[...iso2s].sort((a, b) => reg.countryName(a).localeCompare(reg.countryName(b))).map((c) => html`<li>${countryLink(reg, c)}</li>`)}</ul>`;
  const body = !rows.length
    ? html`<p class="muted">No state is bound to arrest ${subjectId ? 'him' : 'anyone'} on ${day(date)}.</p>`
    : subjectId
      ? html`<p>${rows[0]!.states.length} states must arrest him on ${day(date)}:</p>${states(rows[0]!.states)}`
      : html`<ul class="bound">${rows.map(
          (r) =>
            html`<li>${personLink(reg, r.subjectId)}: <a href="${personHref(r.subjectId)}#map">${r.states.length} states</a></li>`,
        )}</ul>`;
  // MAP: src/web/map replaces the list below with its SVG of the same duties.
  return html`<section class="map-slot" id="map" aria-labelledby="map-title">
    <h2 id="map-title">Where ${subjectId ? 'he' : 'each person'} must be arrested today</h2>
    ${body}
  </section>`;
}
