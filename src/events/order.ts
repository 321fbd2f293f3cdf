/**
 * @module events/order
 * Publication order, the one order of the record: by publication instant (a bare day is its UTC
 * midnight), then by id, so that any arrival order of the same articles gives the same record.
 */
/** Epoch milliseconds of a publication time as printed: a day (its UTC midnight) or a date-time. */
export const publicationTime = (published: string) =>
  Date.parse(published.length === 10 ? `${published}T00:00:00Z` : published);

export function byPublication(
  a: { published: string; id: string },
  b: { published: string; id: string },
): number {
  return (
    publicationTime(a.published) - publicationTime(b.published) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** Trips in order of their first report, then id. */
export const byFirstReport = (
  a: { firstReported: string; id: string },
  b: { firstReported: string; id: string },
) => byPublication({ published: a.firstReported, id: a.id }, { published: b.firstReported, id: b.id });
