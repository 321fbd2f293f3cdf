/**
 * @module web/pages/map-slot
 * The world map of the duty to arrest (src/web/map) on the home, person and trip pages, with the
 * same facts as text beside it: the states bound to arrest the person, as a list; and the one
 * document of the states' shapes the maps point into, at an address that changes with its content.
 */
import { boundStatesBySubject } from '../../law/index.js';
import type { FastifyInstance } from 'fastify';
import type { IsoDate, Registry } from '../../model.js';
import { html, type Html } from '../html.js';
import { dutyMap, worldSprite } from '../map/index.js';
import { KEPT } from '../response-cache.js';
import { PageNotFoundError } from './errors.js';
import { countryLink, day, personHref, personLink } from './parts.js';

/** The states bound to arrest `subjectId` on `date`, as a list a screen reader or a printer can read. */
function statesList(reg: Registry, date: IsoDate, subjectId: string): Html {
  const states = boundStatesBySubject(reg, date).find((r) => r.subjectId === subjectId)?.states ?? [];
  if (!states.length) return html`<p class="muted">No state is bound to arrest him on ${day(date)}.</p>`;
  const sorted = [...states].sort((a, b) => reg.countryName(a).localeCompare(reg.countryName(b)));
  return html`<details class="map-list"><summary>The ${states.length} states, as a list</summary>
    <ul class="states">${sorted.map((c) => html`<li>${countryLink(reg, c)}</li>`)}</ul></details>`;
}

/** The map of one person on one date (the host of a trip marked), and its list. */
export function mapSlot(reg: Registry, date: IsoDate, subjectId: string, host?: string): Html {
  const name = reg.subjects.get(subjectId)?.name ?? subjectId;
  return html`<section class="map-slot" id="map" aria-labelledby="map-title">
    <h2 id="map-title">Where ${name} must be arrested on ${day(date)}</h2>
    ${dutyMap(reg, subjectId, date, host)}
    ${statesList(reg, date, subjectId)}
  </section>`;
}

/**
 * The home page's map: one person (chosen with the form beside it, else the one of the first
 * current trip), and how many states must arrest each wanted person on the day.
 */
export function homeMap(reg: Registry, date: IsoDate, subjectId: string): Html {
  const rows = boundStatesBySubject(reg, date).sort((a, b) => a.subject.localeCompare(b.subject));
  const options = rows.map(
    (r) =>
      html`<option value="${r.subjectId}"${r.subjectId === subjectId ? html` selected` : ''}>${r.subject}</option>`,
  );
  return html`${mapSlot(reg, date, subjectId)}
    <form class="inline" method="get" action="/#map" aria-label="Show the map for another person or day">
      <div><label for="map-person">Person</label><select id="map-person" name="map">${options}</select></div>
      <div><label for="map-date">Date</label><input id="map-date" type="date" name="on" value="${date}"></div>
      <button type="submit">Show the map</button>
    </form>
    <h3>How many states must arrest each wanted person on ${day(date)}</h3>
    <ul class="bound">${rows.map(
      (r) =>
        html`<li>${personLink(reg, r.subjectId)}: <a href="${personHref(r.subjectId)}#map">${r.states.length} states</a></li>`,
    )}</ul>`;
}

export function mapRoutes(app: FastifyInstance): void {
  app.get<{ Params: { file: string } }>('/maps/:file', KEPT, async (req, reply) => {
    const sprite = worldSprite();
    if (`/maps/${req.params.file}` !== sprite.href) throw new PageNotFoundError('There is no such map.');
    return reply
      .type('image/svg+xml; charset=utf-8')
      .header('cache-control', 'public, max-age=31536000, immutable')
      .send(sprite.svg);
  });
}
