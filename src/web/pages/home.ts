/**
 * @module web/pages/home
 * `/`: what is happening now. The current alerts, newest first; the trips of wanted persons that
 * are planned or under way, each with the host's duty; the latest changes of the record; the
 * "duty on a date" form; and where each person must be arrested today (the map's place).
 */
import type { FastifyInstance } from 'fastify';
import { ALERT_HEADLINES } from '../../alerts/index.js';
import type { StoredAlert } from '../../store/index.js';
import type { WebDeps } from '../deps.js';
import { html, type Html } from '../html.js';
import { layout } from '../layout.js';
import { dutyForm } from './duty.js';
import { mapSlot } from './map-slot.js';
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

export function homeRoutes(app: FastifyInstance, deps: WebDeps): void {
  app.get('/', async (_req, reply) => {
    const reg = deps.registry;
    const todayIs = today(deps.now);
    const [alerts, planned, underWay, all] = await Promise.all([
      deps.store.listAlerts({ newestFirst: true, limit: ALERTS }),
      deps.store.listTrips({ status: 'planned' }),
      deps.store.listTrips({ status: 'under_way' }),
      deps.store.listTrips({}),
    ]);
    const current = [...underWay, ...planned].sort(newestFirst);
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
      ${mapSlot(reg, todayIs)}`;
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
