/**
 * @module jobs/feeds
 * Writes the alerts' Atom and JSON Feed documents (alerts/feeds) under a folder, each file
 * replaced whole (written aside, then renamed), so a reader never sees half a document.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { alertFeeds } from '../alerts/index.js';
import type { Registry } from '../model.js';
import type { Store } from '../store/index.js';

function replace(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const aside = `${path}.${process.pid}.tmp`;
  writeFileSync(aside, text);
  renameSync(aside, path);
}

export interface FeedsDeps {
  store: Pick<Store, 'listAlerts'>;
  reg: Registry;
}

/** The newest 1,000 alerts, as feeds; returns how many documents were written. */
export async function writeFeeds(deps: FeedsDeps, dir: string, baseUrl: string): Promise<number> {
  const alerts = await deps.store.listAlerts({ newestFirst: true, limit: 1000 });
  const names = {
    subject: (id: string) => deps.reg.subjects.get(id)?.name ?? id,
    country: (iso2: string) => deps.reg.countryByIso2.get(iso2)?.name ?? iso2,
  };
  const docs = alertFeeds(alerts, names, baseUrl);
  for (const d of docs) {
    replace(join(dir, `${d.path}.atom`), d.atom);
    replace(join(dir, `${d.path}.json`), d.json);
  }
  return docs.length;
}
