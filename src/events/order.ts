/**
 * @module events/order
 * Publication order, the one order of the record: by publication instant (a bare day is its UTC
 * midnight), then by id, so that any arrival order of the same articles gives the same record.
 */
const instant = (published: string) =>
  Date.parse(published.length === 10 ? `${published}T00:00:00Z` : published);

export function byPublication(
  a: { published: string; id: string },
  b: { published: string; id: string },
): number {
  return instant(a.published) - instant(b.published) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
