/**
 * @module web/pages/search
 * `/search?q=`: persons by any name variant in any script, countries by a name in any language or
 * a code (the registry's look-ups, as the CLI's), and the trips of what was found. An empty query
 * is the search form; one too long to be a name is a 400 page that says so.
 */
import { KEPT } from '../response-cache.js';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { TripRecord } from '../../events/index.js';
import { findCountry, findSubject, type Country, type Lookup, type Subject } from '../../registry/index.js';
import type { WebDeps } from '../deps.js';
import { html, type Html } from '../html.js';
import { layout } from '../layout.js';
import { countryLink, newestFirst, personLink, tripTable } from './parts.js';

/** Longer than any name: a query past it is no name. */
const MAX_QUERY = 200;
const Query = z.object({ q: z.string().optional() });

function form(q: string): Html {
  return html`<form class="inline" method="get" action="/search" role="search">
    <p><label for="q">Person, state or place</label><input id="q" name="q" type="search" value="${q}" placeholder="Putin, Путин, Mongolia, Монголия" /></p>
    <p><button type="submit">Search</button></p>
  </form>`;
}

/** Found and ambiguous results are matches; unknown ones only suggestions. */
function hits<T>(l: Lookup<T>): { matches: T[]; suggestions: T[] } {
  if (l.kind === 'found') return { matches: [l.value], suggestions: [] };
  if (l.kind === 'ambiguous') return { matches: l.candidates, suggestions: [] };
  return { matches: [], suggestions: l.suggestions };
}

export function searchRoutes(app: FastifyInstance, deps: WebDeps): void {
  const reg = deps.registry;
  app.get('/search', KEPT, async (req, reply) => {
    const parsed = Query.safeParse(req.query);
    const q = (parsed.success ? (parsed.data.q ?? '') : '').trim();
    const page = (status: number, body: Html) =>
      reply
        .code(status)
        .type('text/html; charset=utf-8')
        .send(
          layout({
            title: q ? `Search: ${q}` : 'Search',
            section: 'search',
            main: html`<h1>Search</h1>${form(q.slice(0, MAX_QUERY))}${body}`,
          }).text,
        );
    if (!parsed.success) return page(400, html`<p class="problem" role="alert">Ask one name at a time.</p>`);
    if (!q)
      return page(
        200,
        html`<p class="muted">Type the name of a wanted person in any spelling or script, or a state by its name in any language or its code.</p>`,
      );
    if (q.length > MAX_QUERY)
      return page(
        400,
        html`<p class="problem" role="alert">That is ${q.length} characters: too long to be a name (at most ${MAX_QUERY}).</p>`,
      );
    const people = hits<Subject>(findSubject(reg, q));
    const countries = hits<Country>(findCountry(reg, q));
    const trips: TripRecord[] = (
      await Promise.all([
        ...people.matches.map((s) => deps.store.listTrips({ subjectId: s.id })),
        ...countries.matches.map((c) => deps.store.listTrips({ countryIso2: c.iso2 })),
      ])
    ).flat();
    const unique = [...new Map(trips.map((t) => [t.id, t])).values()].sort(newestFirst);
    const body = html`<p role="status">Results for “${q}”:</p>
      <h2>Persons</h2>
      ${
        people.matches.length
          ? html`<ul>${people.matches.map((s) => html`<li>${personLink(reg, s.id)} <span class="muted">${s.fullName}</span></li>`)}</ul>`
          : html`<p class="muted">No wanted person by that name.</p>`
      }
      <h2>Countries</h2>
      ${
        countries.matches.length
          ? html`<ul>${countries.matches.map((c) => html`<li>${countryLink(reg, c.iso2)} <span class="muted">${c.iso2}</span></li>`)}</ul>`
          : html`<p class="muted">No state by that name.</p>`
      }
      <h2>Trips</h2>
      ${tripTable(reg, unique)}
      ${
        !people.matches.length && !countries.matches.length
          ? html`<h2>Did you mean</h2><ul>${[
              ...people.suggestions.map((s) => html`<li>${personLink(reg, s.id)}</li>`),
              ...countries.suggestions.map((c) => html`<li>${countryLink(reg, c.iso2)}</li>`),
            ]}</ul>`
          : ''
      }`;
    return page(200, body);
  });
}
