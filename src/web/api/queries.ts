/**
 * @module web/api/queries
 * What several routes ask of the store beyond one page: every trip a filter selects.
 */
import type { StoredTrip, Store, TripPageRequest } from '../../store/index.js';

/** Every trip the filters select, page after page of the store's largest (exports, ledgers). */
export async function allTrips(
  store: Pick<Store, 'pageTrips'>,
  filters: Omit<TripPageRequest, 'limit' | 'cursor'>,
): Promise<StoredTrip[]> {
  const out: StoredTrip[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.pageTrips({ ...filters, limit: 500, ...(cursor ? { cursor } : {}) });
    out.push(...page.trips);
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}
