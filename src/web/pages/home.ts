/**
 * @module web/pages/home
 * `/`: what is happening now. The current alerts, newest first; the trips of wanted persons that
 * are planned or under way, each with the host's duty; the latest changes of the record; the
 * "duty on a date" form; and where each person must be arrested today (the map's place).
 */
import { KEPT } from '../response-cache.js';
import type { FastifyInstance } from 'fastify';
import { ALERT_HEADLINES } from '../../alerts/index.js';
import { isCurrent } from '../../events/index.js';
import type { StoredAlert } from '../../store/index.js';
import type { WebDeps } from '../deps.js';
import { html, type Html } from '../html.js';
import { layout } from '../layout.js';
import { dutyForm } from './duty.js';
import { isoDate, type IsoDate } from '../../registry/index.js';
import { boundStatesBySubject } from '../../law/index.js';
import { PageRequestError } from './errors.js';
import { homeMap } from './map-slot.js';
import { day, dutyBadge, listOr, newestFirst, STATUS_WORDS, today, tripHref, tripTable } from './parts.js';

/** Alerts shown; the feeds carry more. */
const ALERTS = 20;
/** Record changes shown. */
const CHANGES = 10;

function alertItem(deps: WebDeps, a: StoredAlert): Html {
  const reg = deps.registry;
  const who = reg.subjects.get(a.subjectId)?.name ?? a.subjectId;
  return html`<li class="alert">
    <a href="${tripHref(a.tripId)}">${ALERT_HEADLINES[a.kind](who, reg.countryName(a.countryIso2))}</a>
    ${dutyBadge(a.duty)}
    <span class="muted">raised ${day(a.createdAt)}</span>
  </li>`;
}

/** `?map=<person id>&on=<day>`, checked: a bad one is a 400 page that names it. */
function mapQuery(q: { map?: unknown; on?: unknown }): { subjectId?: string; date?: string } {
  const one = (v: unknown, name: string) => {
    if (v === undefined || v === '') return undefined;
    if (typeof v !== 'string' || v.length > 100)
      throw new PageRequestError(`"${name}" must be given once, as text`);
    return v;
  };
  return { subjectId: one(q.map, 'map'), date: one(q.on, 'on') };
}

/** The map of the person asked for, else of the first current trip's, else of the first wanted. */
function mapOf(
  deps: WebDeps,
  asked: { subjectId?: string; date?: string },
  current: string | undefined,
  todayIs: IsoDate,
): Html {
  const reg = deps.registry;
  if (asked.subjectId && !reg.subjects.has(asked.subjectId))
    throw new PageRequestError(`no wanted person has the id "${asked.subjectId}"`);
  let on = todayIs;
  if (asked.date !== undefined) {
    const parsed = isoDate.safeParse(asked.date);
    if (!parsed.success) throw new PageRequestError(`"${asked.date}" is not a day written YYYY-MM-DD`);
    on = parsed.data;
  }
  const subjectId = asked.subjectId ?? current ?? boundStatesBySubject(reg, on)[0]?.subjectId;
  return subjectId ? homeMap(reg, on, subjectId) : html``;
}

export function homeRoutes(app: FastifyInstance, deps: WebDeps): void {
  app.get<{ Querystring: { map?: unknown; on?: unknown } }>('/', KEPT, async (req, reply) => {
    const reg = deps.registry;
    const todayIs = today(deps.now);
    const asked = mapQuery(req.query);
    const [alerts, planned, underWay, all] = await Promise.all([
      deps.store.listAlerts({ newestFirst: true, limit: ALERTS }),
      deps.store.listTrips({ status: 'planned' }),
      deps.store.listTrips({ status: 'under_way' }),
      deps.store.listTrips({}),
    ]);
    const current = [...underWay, ...planned].filter((t) => isCurrent(t, todayIs)).sort(newestFirst);
    const lastChange = (t: (typeof all)[number]) => t.history.at(-1)?.published ?? t.firstReported;
    const changes = all
      .filter((t) => t.history.length)
      .sort((a, b) => lastChange(b).localeCompare(lastChange(a)) || a.id.localeCompare(b.id))
      .slice(0, CHANGES)
      .map(
        (t) =>
          html`<li><a href="${tripHref(t.id)}">${reg.subjects.get(t.subjectId)?.name ?? t.subjectId} in ${reg.countryName(t.countryIso2)}</a>: ${STATUS_WORDS[t.status]} <span class="muted">(reported ${day(lastChange(t))})</span></li>`,
      );
    const main = html`<h1>Wanted by the International Criminal Court, and on the move</h1>
      <div class="columns">
        <div>
          <section aria-labelledby="alerts">
            <h2 id="alerts">Current alerts</h2>
            ${listOr(
              alerts.map((a) => alertItem(deps, a)),
              'No alert has been raised.',
              'alerts',
            )}
            <p class="muted">Follow them: <a href="/feeds/alerts.atom">Atom feed</a> · <a href="/feeds/alerts.json">JSON Feed</a></p>
          </section>
          <section aria-labelledby="trips">
            <h2 id="trips">Upcoming and ongoing trips</h2>
            ${tripTable(reg, current)}
          </section>
        </div>
        <div>
          <section aria-labelledby="duty">
            <h2 id="duty">Duty on a date</h2>
            ${dutyForm({}, todayIs)}
          </section>
          <section aria-labelledby="changes">
            <h2 id="changes">Latest changes to the record</h2>
            ${listOr(changes, 'No news has changed the record yet.')}
          </section>
        </div>
      </div>
      ${mapOf(deps, asked, current[0]?.subjectId, todayIs)}`;
    return reply.type('text/html; charset=utf-8').send(
      layout({
        title: 'Alerts and trips',
        description: 'Trips of persons wanted by the ICC, and the duty of each host state to arrest them.',
        section: 'home',
        alternates: [
          { title: 'All alerts (JSON Feed)', href: '/feeds/alerts.json', type: 'application/feed+json' },
        ],
        main,
      }).text,
    );
  });
}
