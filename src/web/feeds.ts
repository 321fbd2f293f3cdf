/**
 * @module web/feeds
 * The alerts' Atom and JSON Feed documents, as the alerts stage writes them under `feedsDir`
 * (jobs/feeds: `alerts.atom`, `alerts/subject/<id>.atom`, `alerts/country/<ISO2>.atom`, and
 * `.json` beside each), served at `/feeds/...`. Only those names are served: the id or code is
 * checked against the registry before a path is made, so no request reaches outside the folder.
 * A missing document of every alert is an empty, valid feed (nothing raised yet); a missing
 * document of a person or a state is a 404, and its page links to it only when it exists.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { alertFeeds } from '../alerts/index.js';
import type { WebDeps } from './deps.js';
import type { Alternate } from './layout.js';
import { PageNotFoundError } from './pages/errors.js';

const TYPES = { atom: 'application/atom+xml; charset=utf-8', json: 'application/feed+json; charset=utf-8' };
type Format = keyof typeof TYPES;

/** The document's path under feedsDir, without extension, or undefined for an unknown id. */
function feedPath(deps: WebDeps, of: 'subject' | 'country', id: string): string | undefined {
  const known = of === 'subject' ? deps.registry.subjects.has(id) : deps.registry.countryByIso2.has(id);
  return known ? `alerts/${of}/${id}` : undefined;
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    (s) => s.isFile(),
    () => false,
  );
}

/** The feeds of a person's or a state's page, for `<link rel="alternate">`: those written. */
export async function feedAlternates(
  deps: WebDeps,
  of: 'subject' | 'country',
  id: string,
  name: string,
): Promise<Alternate[]> {
  const path = feedPath(deps, of, id);
  if (!path || !(await exists(join(deps.feedsDir, `${path}.atom`)))) return [];
  return [
    { title: `Alerts: ${name} (Atom)`, href: `/feeds/${path}.atom`, type: 'application/atom+xml' },
    { title: `Alerts: ${name} (JSON Feed)`, href: `/feeds/${path}.json`, type: 'application/feed+json' },
  ];
}

async function send(
  reply: FastifyReply,
  file: string,
  format: Format,
  missing: () => string,
): Promise<FastifyReply> {
  const text = await readFile(file, 'utf8').catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return undefined;
    throw e;
  });
  return reply.type(TYPES[format]).send(text ?? missing());
}

const formatOf = (ext: string): Format | undefined => (ext === 'atom' || ext === 'json' ? ext : undefined);

export function feedRoutes(app: FastifyInstance, deps: WebDeps): void {
  const empty = (format: Format) => () => {
    const doc = alertFeeds([], { subject: (id) => id, country: (c) => c }, deps.publicUrl)[0]!;
    return doc[format];
  };
  app.get<{ Params: { ext: string } }>('/feeds/alerts.:ext', async (req, reply) => {
    const format = formatOf(req.params.ext);
    if (!format)
      throw new PageNotFoundError('There is no such feed: the alerts are served as .atom and .json.');
    return send(reply, join(deps.feedsDir, `alerts.${format}`), format, empty(format));
  });
  app.get<{ Params: { of: string; file: string } }>('/feeds/alerts/:of/:file', async (req, reply) => {
    const { of, file } = req.params;
    const m = /^(.+)\.(atom|json)$/.exec(file);
    const path = m && (of === 'subject' || of === 'country') ? feedPath(deps, of, m[1]!) : undefined;
    if (!m || !path) throw new PageNotFoundError(`There is no feed at ${req.url.split('?')[0]}.`);
    const format = m[2] as Format;
    return send(reply, join(deps.feedsDir, `${path}.${format}`), format, () => {
      throw new PageNotFoundError('No alert has been raised about this yet, so there is no feed of them.');
    });
  });
}
