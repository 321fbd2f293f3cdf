/**
 * @module web/pages
 * The site's pages, server-rendered and escaped (web/html), and the alert feeds beside them, as one
 * Fastify plugin: `app.register(pages, deps)`. Every failure is an AppError the server's one error
 * mapping turns into a page.
 */
import type { FastifyInstance } from 'fastify';
import type { PageDeps } from './deps.js';
import { feedRoutes } from '../feeds.js';
import { countryRoutes } from './countries.js';
import { dutyRoutes } from './duty.js';
import { homeRoutes } from './home.js';
import { mapRoutes } from './map-slot.js';
import { peopleRoutes } from './people.js';
import { searchRoutes } from './search.js';
import { tripRoutes } from './trips.js';

export { PageNotFoundError } from './errors.js';

export async function pages(app: FastifyInstance, deps: PageDeps): Promise<void> {
  homeRoutes(app, deps);
  peopleRoutes(app, deps);
  countryRoutes(app, deps);
  tripRoutes(app, deps);
  searchRoutes(app, deps);
  dutyRoutes(app, deps);
  feedRoutes(app, deps);
  mapRoutes(app);
}
