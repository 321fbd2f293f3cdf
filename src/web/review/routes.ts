/**
 * @module web/review/routes
 * The analysts' review on the web, for analysts and moderators signed in (anyone else gets what
 * /moderation gives them): `GET /review`, the queue (web/review/queue); `GET /review/trips/:id`, one
 * trip with its forms and audit trail; `POST /review/trips/:id/<action>`, a CSRF-checked form taken
 * through the same `reviewTrip` as `warrant-watch review` (injected: WebDeps.review), then a 303
 * back to the trip's review page. A decision is signed with the account's id, never its e-mail
 * address, since who decided is shown on these pages and in the API.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { isSuperseded, type TripRecord } from '../../events/index.js';
import { findAppError } from '../../errors.js';
import type { User } from '../../store/index.js';
import { WebError } from '../auth/errors.js';
import { requireUser } from '../auth/http.js';
import { LIMITS, type CommunityContext } from '../comments/context.js';
import { tripTarget } from '../comments/service.js';
import { html, type Html } from '../html.js';
import { layout } from '../layout.js';
import { PageNotFoundError } from '../pages/errors.js';
import { tripStatus } from '../api/schemas.js';
import { auditSummary } from './audit.js';
import { ACTIONS, decisionOf, type Action } from './forms.js';
import { REVIEW_PATH, reviewHref } from './href.js';
import { queuePage } from './queue-page.js';
import { QUEUE_STATES, reviewQueue } from './queue.js';
import { tripPage } from './trip-page.js';

/** Trips on one page of the queue, and the most the store reads (its own cap). */
export const PER_PAGE = 25;
const READ_LIMIT = 500;

type IdParams = { Params: { id: string } };

/** Who decided, as the pages and the API show it: the account's id, not its address. */
export const reviewerName = (user: Pick<User, 'id'>) => `user:${user.id}`;

const queueQuery = z.object({
  subject: z.string().max(200).optional(),
  state: z.enum(QUEUE_STATES).optional(),
  status: z.union([z.literal(''), tripStatus]).optional(),
  page: z.coerce.number().int().min(1).max(10_000).optional(),
});

const send = (reply: FastifyReply, title: string, main: Html, status = 200) =>
  reply
    .code(status)
    .type('text/html; charset=utf-8')
    .send(layout({ title, main, section: 'review' }).text);

const signedInLine = (user: User, csrf: string) =>
  html`<form method="post" action="/signout" class="inline-form signed-in"><p>Signed in as ${user.role === 'moderator' ? 'a moderator' : 'an analyst'} (${reviewerName(user)}). <input type="hidden" name="_csrf" value="${csrf}" /><button type="submit">Sign out</button></p></form>`;

/** Those of the person's trips in that state a trip may be merged into. */
const siblingsOf = (trip: TripRecord, trips: readonly TripRecord[]) =>
  trips.filter((t) => t.id !== trip.id && t.countryIso2 === trip.countryIso2 && !isSuperseded(t));

export function reviewRoutes(app: FastifyInstance, ctx: CommunityContext): void {
  const { store, registry: reg } = ctx.deps;

  app.get(REVIEW_PATH, { config: LIMITS.signedIn }, async (req, reply) => {
    const user = await requireUser(ctx.accounts, req, 'analyst');
    const q = queueQuery.safeParse(req.query);
    if (!q.success) throw new WebError('invalid_request', 'The filter is not one the queue knows.');
    const { subject, state = 'open', status, page = 1 } = q.data;
    if (subject && !reg.subjects.has(subject))
      throw new WebError('invalid_request', `No wanted person has the id “${subject}”.`);
    const filter = {
      state,
      ...(subject ? { subjectId: subject } : {}),
      ...(status ? { status } : {}),
    };
    const corrections = await store.openCorrections({});
    const read = await store.listTrips({
      subjectId: filter.subjectId,
      status: filter.status,
      includeSuperseded: true,
      limit: READ_LIMIT,
    });
    // A correction's trip is in the queue even when it is older than the trips read.
    const listed = new Set(read.map((t) => tripTarget(t.id)));
    const missing = [...new Set(corrections.map((c) => c.target))].filter((t) => !listed.has(t));
    const more = await Promise.all(missing.map((t) => store.getTrip({ id: t.replace(/^trip:/, '') })));
    const trips = [...read, ...more.filter((t): t is TripRecord => t !== undefined)];
    const all = reviewQueue(trips, corrections, filter, tripTarget);
    const pages = Math.max(1, Math.ceil(all.length / PER_PAGE));
    const shown = Math.min(page, pages);
    const main = queuePage({
      reg,
      filter,
      entries: all.slice((shown - 1) * PER_PAGE, shown * PER_PAGE),
      total: all.length,
      page: shown,
      pages,
      perPage: PER_PAGE,
      ...(read.length >= READ_LIMIT ? { capped: READ_LIMIT } : {}),
      signedIn: signedInLine(user, reply.generateCsrf()),
    });
    return send(reply, 'Review queue', main);
  });

  app.get<IdParams>(`${REVIEW_PATH}/trips/:id`, { config: LIMITS.signedIn }, async (req, reply) => {
    const user = await requireUser(ctx.accounts, req, 'analyst');
    const trip = await store.getTrip({ id: req.params.id });
    if (!trip) throw new PageNotFoundError(`The record has no trip with the id “${req.params.id}”.`);
    const [theirs, corrections, audit] = await Promise.all([
      store.listTrips({ subjectId: trip.subjectId, includeSuperseded: true, limit: READ_LIMIT }),
      store.openCorrections({ target: tripTarget(trip.id) }),
      auditAbout(ctx, trip),
    ]);
    const csrf = reply.generateCsrf();
    const main = tripPage({
      reg,
      trip,
      siblings: siblingsOf(trip, theirs),
      corrections,
      audit,
      csrf,
      signedIn: signedInLine(user, csrf),
    });
    const who = reg.subjects.get(trip.subjectId)?.name ?? trip.subjectId;
    return send(reply, `Review: ${who} in ${reg.countryName(trip.countryIso2)}`, main);
  });

  for (const action of ACTIONS)
    app.post<IdParams>(
      `${REVIEW_PATH}/trips/:id/${action}`,
      { config: LIMITS.signedIn, preHandler: app.csrfProtection },
      async (req, reply) => {
        const user = await requireUser(ctx.accounts, req, 'analyst');
        const trip = await store.getTrip({ id: req.params.id });
        if (!trip) throw new PageNotFoundError(`The record has no trip with the id “${req.params.id}”.`);
        return decide(ctx, reply, { user, trip, action, body: req.body });
      },
    );
}

async function decide(
  ctx: CommunityContext,
  reply: FastifyReply,
  req: { user: User; trip: TripRecord; action: Action; body: unknown },
) {
  const { trip, action, user } = req;
  const back = reviewHref(trip.id);
  try {
    const { input, why } = decisionOf(action, trip, req.body);
    const { review } = await ctx.deps.review({ tripId: trip.id, input, by: reviewerName(user), why });
    ctx.deps.log.info({ trip_id: trip.id, review_id: review.id, action, user_id: user.id }, 'trip reviewed');
    return reply.code(303).header('location', back).send();
  } catch (e) {
    const known = findAppError(e);
    if (!known || known.status >= 500) throw e;
    // The analyst's way back to the form, with what was wrong.
    const main = html`<h1>The decision was not taken</h1>
      <p>${known.message}</p>
      <p><a href="${back}">Back to the review of this trip</a> · <a href="${REVIEW_PATH}">the review queue</a></p>`;
    return send(reply, 'The decision was not taken', main, known.status);
  }
}

/** The audit entries that concern the trip: its own, those of the trip it was split from, and
 * those of the trips merged into it, in time order. */
async function auditAbout(ctx: CommunityContext, trip: TripRecord) {
  const { store } = ctx.deps;
  const reviews = await store.reviewsAbout({ subjectId: trip.subjectId });
  const targets = new Set([trip.id, trip.id.split('~')[0]!]);
  for (const r of reviews) if (r.action.kind === 'merge' && r.action.into === trip.id) targets.add(r.tripId);
  const entries = (await Promise.all([...targets].map((target) => store.auditOf({ target })))).flat();
  return entries
    .filter((e) => e.target === trip.id || concerns(e.after, trip.id) || concerns(e.before, trip.id))
    .sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id))
    .map(auditSummary);
}

const concerns = (trips: unknown, id: string) =>
  Array.isArray(trips) &&
  trips.some((t: unknown) => typeof t === 'object' && t !== null && (t as { id?: unknown }).id === id);
