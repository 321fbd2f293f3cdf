import { describe, expect, it } from 'vitest';
import type { ExtractedEvent } from '../model.js';
import { tripEvent } from '../testing/claims.js';
import { openStore, type Store } from '../store/index.js';
import { projectSubject } from './record.js';
import { ReviewError, reviewTrip, type ReviewDeps } from './review.js';
import { printed } from '../testing/articles.js';

const event = tripEvent;

/** An article with one claim, then the person's trips made anew, as the record step does. */
async function news(store: Store, id: string, published: string, more: Partial<ExtractedEvent>) {
  await store.saveArticle(
    printed({
      id,
      draft: {
        url: `https://news.example/${id}`,
        source: 'test',
        text: `Text of ${id}.`,
        publishedAt: published,
      },
      fetchedAt: `${published}T12:00:00Z`,
    }),
  );
  await store.saveEvents({ articleId: id, events: [event(more)] });
  return projectSubject(store, 'putin-vladimir', []);
}

async function setUp() {
  const store = await openStore({ url: 'sqlite::memory:', migrate: true });
  let n = 0;
  const deps: ReviewDeps = {
    store,
    curated: [],
    now: () => new Date(Date.UTC(2026, 7, 30, 12, 0, n)),
    newId: () => `review-${++n}`,
  };
  const review = (
    tripId: string,
    input: Parameters<typeof reviewTrip>[1]['input'],
    why: string | null = null,
  ) => reviewTrip(deps, { tripId, input, by: 'ana', why });
  return { store, review };
}

const visible = (store: Store) => store.listTrips({ subjectId: 'putin-vladimir' });

describe('analysts review machine trips', () => {
  it('confirms a trip: later news joins it but does not move what was confirmed', async () => {
    const { store, review } = await setUp();
    const [trip] = await news(store, 'a1', '2026-08-27', { start: '2026-09-03' });
    await review(trip!.id, { kind: 'confirm' }, 'Kremlin readout');
    await news(store, 'a2', '2026-08-29', { start: '2026-09-05', city: 'Erdenet' });
    const [after] = await visible(store);
    expect(after).toMatchObject({
      id: trip!.id,
      start: '2026-09-03',
      city: null,
      review: { state: 'confirmed', by: 'ana' },
    });
    expect(after!.evidence.map((e) => e.articleId)).toEqual(['a1', 'a2']);
    const [audit] = await store.auditOf({ target: trip!.id });
    expect(audit).toMatchObject({ actor: 'ana', action: 'review:confirm', why: 'Kremlin readout' });
    expect((audit!.after as { review: { state: string } }[])[0]!.review.state).toBe('confirmed');
    await store.close();
  });

  it('edits a field, and a later machine update does not overwrite it', async () => {
    const { store, review } = await setUp();
    const [trip] = await news(store, 'a1', '2026-08-27', { start: '2026-09-03' });
    await review(trip!.id, { kind: 'edit', set: { start: '2026-09-02', city: 'Ulaanbaatar' } });
    await news(store, 'a2', '2026-09-03', { status: 'under_way', start: '2026-09-03' });
    const [after] = await visible(store);
    expect(after).toMatchObject({
      start: '2026-09-02',
      city: 'Ulaanbaatar',
      status: 'under_way',
      review: { state: 'edited' },
    });
    await store.close();
  });

  it('rejects a trip: it leaves the record but is kept, and stays rejected as news comes in', async () => {
    const { store, review } = await setUp();
    const [trip] = await news(store, 'a1', '2026-08-27', { start: '2026-09-03' });
    await review(trip!.id, { kind: 'reject' }, 'satire site');
    await news(store, 'a2', '2026-08-28', { start: '2026-09-03' });
    expect(await visible(store)).toEqual([]);
    const kept = await store.listTrips({ subjectId: 'putin-vladimir', includeSuperseded: true });
    expect(kept.map((t) => [t.id, t.review?.state, t.evidence.length])).toEqual([[trip!.id, 'rejected', 2]]);
    await expect(review(trip!.id, { kind: 'confirm' })).rejects.toThrow(ReviewError);
    await store.close();
  });

  it('merges two trips of one journey, and splits the one of two journeys', async () => {
    const { store, review } = await setUp();
    await news(store, 'a1', '2026-03-01', { start: '2026-10-20' });
    const two = await news(store, 'b1', '2026-08-30', { status: 'under_way', start: '2026-08-30' });
    expect(two).toHaveLength(2);
    const [plan, stay] = [
      two.find((t) => t.status === 'planned')!,
      two.find((t) => t.status === 'under_way')!,
    ];
    await review(plan.id, { kind: 'merge', into: stay.id }, 'same visit, moved forward');
    let shown = await visible(store);
    expect(shown.map((t) => [t.id, t.evidence.map((e) => e.articleId)])).toEqual([[stay.id, ['a1', 'b1']]]);
    await news(store, 'b2', '2026-08-31', { status: 'under_way', start: '2026-08-30' });
    await review(stay.id, { kind: 'split', articleIds: ['b2'] }, 'another journey');
    shown = await visible(store);
    expect(shown.map((t) => t.evidence.map((e) => e.articleId)).sort()).toEqual([['a1', 'b1'], ['b2']]);
    // The decisions hold through a re-merge when more news comes.
    await news(store, 'c1', '2026-09-01', { status: 'completed', start: '2026-08-30', countryIso2: 'CN' });
    shown = (await visible(store)).filter((t) => t.countryIso2 === 'MN');
    expect(shown.map((t) => t.evidence.map((e) => e.articleId)).sort()).toEqual([['a1', 'b1'], ['b2']]);
    await store.close();
  });

  it('says what is wrong with a decision it cannot take', async () => {
    const { store, review } = await setUp();
    const [trip] = await news(store, 'a1', '2026-08-27', { start: '2026-09-03' });
    await expect(review('trip-nope', { kind: 'reject' })).rejects.toThrow('no trip trip-nope in the record');
    await expect(review(trip!.id, { kind: 'split', articleIds: ['zz'] })).rejects.toThrow(
      `not evidence of ${trip!.id}: zz`,
    );
    await expect(review(trip!.id, { kind: 'merge', into: trip!.id })).rejects.toThrow(
      'cannot be merged into itself',
    );
    await expect(review(trip!.id, { kind: 'edit', set: {} })).rejects.toThrow('an edit needs a field');
    await store.close();
  });
});
