/**
 * @module web/review/testing
 * For the review tests: a record with trips to review, written the same way into any store (the
 * site's, and a copy in a file for the CLI).
 */
import { mergeTrips } from '../../events/index.js';
import type { ExtractedEvent } from '../../model.js';
import type { Store } from '../../store/index.js';
import { printed } from '../../testing/articles.js';
import { tripEvent } from '../../testing/claims.js';

/** Article `id` of `published`, one claim of `subject`'s trip to `iso2`. */
async function news(store: Store, id: string, published: string, more: Partial<ExtractedEvent>) {
  await store.saveArticle(
    printed({
      id,
      draft: {
        url: `https://news.example/${id}`,
        source: 'test',
        text: `Report ${id}: an entirely different wording of the visit, number ${id}.`,
        publishedAt: published,
      },
      fetchedAt: `${published}T12:00:00Z`,
    }),
  );
  await store.saveEvents({
    articleId: id,
    events: [tripEvent({ evidence: [{ start: 0, end: 6, text: `quoted words of ${id}` }], ...more })],
  });
}

/** Putin to Brazil twice (the first told by three articles) and Netanyahu to Greece once. */
export async function fill(store: Store) {
  const br = { countryIso2: 'BR', status: 'planned' as const };
  await news(store, 'a1', '2026-11-20', { ...br, start: '2026-12-20', confidence: 0.9 });
  await news(store, 'a2', '2026-11-22', { ...br, start: '2026-12-20', confidence: 0.9 });
  await news(store, 'a3', '2026-11-25', { ...br, start: '2026-12-20', confidence: 0.9 });
  await news(store, 'a4', '2026-11-26', { ...br, start: '2027-05-10', end: '2027-05-11' });
  await news(store, 'b1', '2026-10-02', {
    subjectId: 'netanyahu-benjamin',
    countryIso2: 'GR',
    status: 'completed',
    start: '2026-10-01',
    confidence: 0.7,
  });
  for (const subjectId of ['putin-vladimir', 'netanyahu-benjamin'])
    await store.replaceTrips({ subjectId, trips: mergeTrips(await store.claimsAbout({ subjectId })) });
}
