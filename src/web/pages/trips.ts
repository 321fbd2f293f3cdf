/**
 * @module web/pages/trips
 * `/trips/<id>`: one journey. Its status history, each move with the words of the article that
 * made it and a link to that article; every other report of it; where sources disagree; the host's
 * duty explained with the articles of the Statute and the caveats; the outcome; and the place of
 * the map of the states bound to arrest him on its first day, the host marked; the readers' comments.
 * The page without its comments is kept while the record is unchanged (web/render-cache); the
 * comments and their form, which carries the visitor's CSRF token, are put in for each request.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { ALERT_HEADLINES } from '../../alerts/index.js';
import { dutyOfTrip, outcomeOf, type TripEvidence, type TripRecord } from '../../events/index.js';
import type { Registry } from '../../model.js';
import { isoDate, type IsoDate } from '../../registry/index.js';
import { html, safeUrl, trusted, type Html } from '../html.js';
import { layout } from '../layout.js';
import { tripComments } from '../comments/index.js';
import { dutyAnswer } from './duty.js';
import { mapSlot } from './map-slot.js';
import { PageNotFoundError } from './errors.js';
import type { PageDeps } from './deps.js';
import { sendOwnPage } from '../response-cache.js';
import {
  countryLink,
  day,
  listOr,
  OUTCOME_WORDS,
  personLink,
  sourceLink,
  sourceLinks,
  STATUS_WORDS,
  today,
  words,
  tripDays,
  tripHref,
} from './parts.js';

function quote(e: TripEvidence): Html {
  return html`<blockquote cite="${safeUrl(e.url)}">${e.quote}</blockquote>
    <p class="muted">${sourceLink(e.url)}, published ${day(e.published)}${e.moved ? '' : ' (repeated or disputed the status)'}</p>`;
}

function reviewNote(reg: Registry, t: TripRecord): Html {
  const r = t.review;
  // A curated trip is the registry's word, said where its occasion is.
  if (!r && t.curated) return html``;
  if (!r)
    return html`<p class="muted">Read from the news by the machine; no analyst has reviewed it yet.</p>`;
  if (r.state === 'merged')
    return html`<p class="problem">An analyst found this is the same journey as <a href="${tripHref(r.into)}">another trip</a> (${day(r.at)}).</p>`;
  if (r.state === 'rejected')
    return html`<p class="problem">An analyst rejected this trip on ${day(r.at)}: the news did not bear it out.</p>`;
  return html`<p class="muted">${r.state === 'confirmed' ? 'Confirmed' : 'Corrected'} by an analyst on ${day(r.at)}.</p>`;
}

/** The day the map shows: the trip's first day when it has one, else today. */
function mapDay(trip: TripRecord, deps: PageDeps): IsoDate {
  const start = isoDate.safeParse(trip.start);
  return start.success ? start.data : today(deps.now);
}

/** Where the comments go in a kept page: a comment no escaped text can contain (its `<` would be `&lt;`). */
const COMMENTS_SLOT = '<!--comments-->';

/** The page of one trip, its comments left to be put in at COMMENTS_SLOT. */
async function tripPage(deps: PageDeps, id: string): Promise<string> {
  const reg = deps.registry;
  const trip = await deps.store.getTrip({ id });
  if (!trip) throw new PageNotFoundError(`The record has no trip with the id “${id}”.`);
  const who = reg.subjects.get(trip.subjectId)?.name ?? trip.subjectId;
  const where = reg.countryName(trip.countryIso2);
  const duty = dutyOfTrip(reg, trip);
  const alerts = await deps.store.listAlerts({ tripId: trip.id });
  const curated = trip.curated ? reg.trips.find((t) => t.id === trip.curated!.id) : undefined;
  const history = trip.history.map((h) => {
    const said = trip.evidence.find((e) => e.articleId === h.articleId);
    return html`<li>
        <strong>${STATUS_WORDS[h.status]}</strong>, reported ${day(h.published)}${h.basis === 'seen_elsewhere' ? ' (he was reported in another state since)' : ''}
        ${said ? quote(said) : ''}
      </li>`;
  });
  const others = trip.evidence.filter((e) => !trip.history.some((h) => h.articleId === e.articleId));
  const main = html`<h1>${personLink(reg, trip.subjectId)} in ${countryLink(reg, trip.countryIso2)}${trip.city ? html`, ${trip.city}` : ''}</h1>
      <p>${tripDays(trip)} · <strong>${STATUS_WORDS[trip.status]}</strong> · outcome: ${OUTCOME_WORDS[outcomeOf(trip)]} · confidence ${Math.round(trip.confidence * 100)}%</p>
      ${curated ? html`<p>${curated.occasion}. A confirmed trip of the registry${curated.avoidance ? html`; ${curated.avoidance}` : ''}.</p>` : ''}
      ${reviewNote(reg, trip)}
      ${trip.curated?.sources.length ? html`<p>Sources: ${sourceLinks(trip.curated.sources)}.</p>` : ''}
      ${dutyAnswer(reg, duty, today(deps.now))}
      <h2>Status history</h2>
      ${listOr(history, 'No news report has moved its status: it is known from the registry.', 'history')}
      ${others.length ? html`<h2>Other reports</h2><ul class="evidence">${others.map((e) => html`<li>${STATUS_WORDS[e.status]}: ${quote(e)}</li>`)}</ul>` : ''}
      ${
        trip.contradictions.length
          ? html`<h2>Where the sources disagree</h2><ul>${trip.contradictions.map((c) => html`<li>${words(c.field)}: ${c.values.map((v) => v.value).join(' or ')}</li>`)}</ul>`
          : ''
      }
      ${alerts.length ? html`<h2>Alerts raised</h2><ul>${alerts.map((a) => html`<li>${ALERT_HEADLINES[a.kind](who, where)} <span class="muted">(${day(a.createdAt)})</span></li>`)}</ul>` : ''}
      ${mapSlot(reg, mapDay(trip, deps), trip.subjectId, trip.countryIso2)}
      ${trusted(COMMENTS_SLOT)}`;
  return layout({
    title: `${who} in ${where}`,
    description: `${who}'s trip to ${where}: status, sources and the duty to arrest.`,
    main,
  }).text;
}

/**
 * Where the visitor's CSRF token goes in kept comments: a random value of this process, which no
 * comment can contain and no one outside can guess.
 */
const TOKEN_SLOT = `csrf-${randomUUID()}`;

export function tripRoutes(app: FastifyInstance, deps: PageDeps): void {
  app.get<{ Params: { id: string }; Querystring: { reply?: unknown } }>('/trips/:id', async (req, reply) => {
    const id = req.params.id;
    const day = today(deps.now);
    const page = await deps.parts.get(`${day} trip ${id}`, () => tripPage(deps, id));
    const replyTo = typeof req.query.reply === 'string' ? req.query.reply : undefined;
    // The comments are kept too (every comment written moves the record's version), but for a
    // reply form, which is rare: only the visitor's token is put in at each request.
    const comments = replyTo
      ? (await tripComments(deps, id, { csrfToken: TOKEN_SLOT, replyTo })).text
      : await deps.parts.get(
          `${day} comments ${id}`,
          async () => (await tripComments(deps, id, { csrfToken: TOKEN_SLOT })).text,
        );
    const token = reply.generateCsrf();
    return sendOwnPage(
      req,
      reply,
      page.replace(COMMENTS_SLOT, () => comments.replaceAll(TOKEN_SLOT, token)),
    );
  });
}
