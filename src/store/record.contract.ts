/**
 * @module store/record.contract
 * The record's part of the Store contract (events, trips, alerts, webhooks, the outbox): every
 * implementation passes it, run from a `*.test.ts` beside the ingestion contract.
 */
import { describe, expect, it } from 'vitest';
import type { Alert } from '../alerts/index.js';
import { mergeTrips, type TripRecord } from '../events/index.js';
import { tripEvent } from '../testing/claims.js';
import type { NewAlert } from './record-types.js';
import { tickingClock, type MakeStore } from './store.contract.js';
import type { Store } from './types.js';
import { printed } from '../testing/articles.js';

const event = tripEvent;

async function article(store: Store, id: string, publishedAt: string | undefined, text = `Text of ${id}.`) {
  const saved = await store.saveArticle(
    printed({
      id,
      draft: {
        url: `https://news.example/${id}`,
        source: 'test',
        text,
        ...(publishedAt ? { publishedAt } : {}),
      },
      fetchedAt: '2024-09-05T08:00:00Z',
    }),
  );
  expect(saved.kind).toBe('new');
}

const alert = (trip: TripRecord, kind: Alert['kind'], createdAt: string): NewAlert => ({
  id: `${trip.id}:${kind}`,
  kind,
  tripId: trip.id,
  subjectId: trip.subjectId,
  countryIso2: trip.countryIso2,
  evidence: { articleId: trip.history[0]!.articleId, published: trip.history[0]!.published },
  duty: { kind: 'binding', basis: [], date: '2024-09-02' as Alert['duty']['date'] },
  createdAt,
  articleId: trip.history[0]!.articleId,
});

export function runRecordContract(name: string, makeStore: MakeStore): void {
  const open = () => makeStore({ migrate: true, now: tickingClock() });

  /** A store holding two articles about one trip (a plan, then the arrival) and its merged trip. */
  async function withTrip() {
    const store = await open();
    await article(store, 'a1', '2024-08-29');
    await article(store, 'a2', '2024-09-02T10:00:00+08:00');
    await store.saveEvents({ articleId: 'a1', events: [event({ start: '2024-09-03' })] });
    await store.saveEvents({
      articleId: 'a2',
      events: [event({ status: 'under_way', start: '2024-09-02', city: 'Ulaanbaatar', confidence: 0.9 })],
    });
    const merged = mergeTrips(await store.claimsAbout({ subjectId: 'putin-vladimir' }));
    const [trip] = await store.replaceTrips({ subjectId: 'putin-vladimir', trips: merged });
    return { store, trip: trip! };
  }

  describe(`Store contract, the record: ${name}`, () => {
    it('keeps the id an article arrives with, and refuses a second article under it', async () => {
      const store = await open();
      await article(store, 'st-001', '2024-08-29');
      expect((await store.getArticle({ id: 'st-001' }))?.publishedAt).toBe('2024-08-29');
      await expect(
        store.saveArticle(
          printed({
            id: 'st-001',
            draft: { url: 'https://news.example/other', source: 'test', text: 'Another text entirely.' },
            fetchedAt: '2024-09-05T08:00:00Z',
          }),
        ),
      ).rejects.toMatchObject({ code: 'invalid_request', message: expect.stringContaining('st-001') });
      await store.close();
    });

    it("replaces an article's events, and reads claims back with their articles", async () => {
      const store = await open();
      await article(store, 'a1', '2024-08-29');
      await article(store, 'undated', undefined, 'A text without a date.');
      await store.saveEvents({ articleId: 'a1', events: [event(), event({ countryIso2: 'CN' })] });
      await store.saveEvents({ articleId: 'a1', events: [event({ start: '2024-09-03' })] });
      await store.saveEvents({ articleId: 'undated', events: [event({ status: 'under_way' })] });
      await store.saveEvents({ articleId: 'undated', events: [event({ subjectId: 'someone-else' })] });
      const claims = await store.claimsAbout({ subjectId: 'putin-vladimir' });
      expect(claims).toEqual([
        {
          article: { id: 'a1', url: 'https://news.example/a1', published: '2024-08-29', clusterId: 'a1' },
          event: event({ start: '2024-09-03' }),
        },
      ]);
      // An article without a date is dated by when it was read.
      const [other] = await store.claimsAbout({ subjectId: 'someone-else' });
      expect(other?.article.published).toBe('2024-09-05T08:00:00.000Z');
      await store.close();
    });

    it("reads a claim's confidence back exactly as it was given", async () => {
      const store = await open();
      await article(store, 'a1', '2024-08-29');
      const confidence = 0.123456789012345; // more digits than a 4-byte float holds
      await store.saveEvents({ articleId: 'a1', events: [event({ confidence })] });
      const [claim] = await store.claimsAbout({ subjectId: 'putin-vladimir' });
      expect(claim?.event.confidence).toBe(confidence);
      await store.close();
    });

    it('stores a trip with its history, evidence and disagreements exactly as merged', async () => {
      const { store, trip } = await withTrip();
      expect(trip.history.map((h) => h.status)).toEqual(['planned', 'under_way']);
      expect(await store.getTrip({ id: trip.id })).toEqual(trip);
      expect(await store.listTrips({ subjectId: 'putin-vladimir', countryIso2: 'MN' })).toEqual([trip]);
      expect(await store.listTrips({ status: 'planned' })).toEqual([]);
      expect(await store.listTrips({ countryIso2: 'CN' })).toEqual([]);
      await store.close();
    });

    it('keeps a trip its id when an earlier article about it arrives late', async () => {
      const { store, trip } = await withTrip();
      await article(store, 'a0', '2024-08-20');
      await store.saveEvents({ articleId: 'a0', events: [event({ start: '2024-09-02' })] });
      const merged = mergeTrips(await store.claimsAbout({ subjectId: 'putin-vladimir' }));
      expect(merged[0]!.id).not.toBe(trip.id); // merging alone names it by its new first article
      const [kept] = await store.replaceTrips({ subjectId: 'putin-vladimir', trips: merged });
      expect(kept!.id).toBe(trip.id);
      expect(kept!.evidence.map((e) => e.articleId)).toEqual(['a0', 'a1', 'a2']);
      expect((await store.listTrips({})).map((t) => t.id)).toEqual([trip.id]);
      await store.close();
    });

    it('keeps a decision with its audit entry, and leaves superseded trips out of listings', async () => {
      const { store, trip } = await withTrip();
      const review = {
        id: 'r1',
        tripId: trip.id,
        subjectId: trip.subjectId,
        articles: ['a1', 'a2'],
        action: { kind: 'reject' as const },
        by: 'ana',
        at: '2024-09-03T10:00:00+02:00',
        why: 'a satire site',
      };
      const rejected = {
        ...trip,
        review: { state: 'rejected' as const, reviewId: 'r1', by: 'ana', at: review.at },
      };
      await store.addReview({ review, before: [trip], after: [rejected] });
      expect(await store.reviewsAbout({ subjectId: trip.subjectId })).toEqual([
        { ...review, at: '2024-09-03T08:00:00.000Z' },
      ]);
      const [audit] = await store.auditOf({ target: trip.id });
      expect(audit).toMatchObject({
        actor: 'ana',
        action: 'review:reject',
        before: [trip],
        after: [rejected],
      });
      await store.replaceTrips({ subjectId: trip.subjectId, trips: [rejected] });
      expect(await store.listTrips({})).toEqual([]);
      expect(await store.listTrips({ includeSuperseded: true })).toEqual([rejected]);
      await store.close();
    });

    it('dates a trip: added once, changed only when its content changes, checked at every merge', async () => {
      const { store, trip } = await withTrip();
      const [first] = (await store.pageTrips({ id: trip.id, limit: 10 })).trips;
      expect(first).toMatchObject({ ...trip, addedAt: expect.any(String) });
      expect(first!.changedAt).toBe(first!.addedAt);
      // The same trips merged again: looked at, not changed.
      await store.replaceTrips({ subjectId: trip.subjectId, trips: [trip] });
      const [same] = (await store.pageTrips({ id: trip.id, limit: 10 })).trips;
      expect([same!.addedAt, same!.changedAt]).toEqual([first!.addedAt, first!.changedAt]);
      expect(same!.checkedAt > first!.checkedAt).toBe(true);
      // A new city is a change; the trip keeps the time it was first added.
      await store.replaceTrips({ subjectId: trip.subjectId, trips: [{ ...trip, city: 'Erdenet' }] });
      const [moved] = (await store.pageTrips({ id: trip.id, limit: 10 })).trips;
      expect(moved!.addedAt).toBe(first!.addedAt);
      expect(moved!.changedAt > first!.changedAt).toBe(true);
      expect((await store.pageTrips({ updatedSince: moved!.changedAt, limit: 10 })).trips).toHaveLength(1);
      const after = new Date(Date.parse(moved!.changedAt) + 1).toISOString();
      expect((await store.pageTrips({ updatedSince: after, limit: 10 })).trips).toEqual([]);
      await store.close();
    });

    it('pages trips by when they changed, each once, with filters', async () => {
      const { store, trip } = await withTrip();
      const others = ['CN', 'IN', 'BR', 'ZA'].map((iso2, i) => ({
        ...trip,
        id: `${trip.id}-${iso2}`,
        countryIso2: iso2,
        firstReported: `2024-10-0${i + 1}`,
      }));
      await store.replaceTrips({ subjectId: trip.subjectId, trips: [trip, ...others] });
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await store.pageTrips({ limit: 2, ...(cursor ? { cursor } : {}) });
        expect(page.trips.length).toBeLessThanOrEqual(2);
        seen.push(...page.trips.map((t) => t.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect([...seen].sort()).toEqual([trip, ...others].map((t) => t.id).sort());
      expect((await store.pageTrips({ countryIso2: 'BR', limit: 10 })).trips.map((t) => t.id)).toEqual([
        `${trip.id}-BR`,
      ]);
      await expect(store.pageTrips({ cursor: 'not a cursor', limit: 2 })).rejects.toMatchObject({
        code: 'invalid_request',
      });
      await store.close();
    });

    it('moves the public version on after each write the public sees, and only then', async () => {
      const { store, trip } = await withTrip();
      const seen: number[] = [await store.publicVersion()];
      const moved = async (write: () => Promise<unknown>) => {
        await write();
        seen.push(await store.publicVersion());
        return seen.at(-1)! > seen.at(-2)!;
      };
      expect(await moved(() => article(store, 'a3', '2024-09-04'))).toBe(false);
      expect(
        await moved(() => store.saveEvents({ articleId: 'a3', events: [event({ start: '2024-09-03' })] })),
      ).toBe(false);
      expect(await moved(() => store.listTrips({}))).toBe(false);
      expect(await moved(() => store.replaceTrips({ subjectId: trip.subjectId, trips: [trip] }))).toBe(true);
      expect(
        await moved(() => store.raiseAlerts({ alerts: [alert(trip, 'upcoming_visit', '2024-08-29')] })),
      ).toBe(true);
      const comment = {
        target: `trip:${trip.id}`,
        kind: 'comment' as const,
        name: 'Ana',
        emailKey: 'k1',
        body: 'Seen at the airport.',
        state: 'pending' as const,
        createdAt: '2024-09-03T10:00:00Z',
      };
      let id = '';
      expect(await moved(async () => (id = (await store.addComment(comment)).id))).toBe(true);
      expect(await moved(() => store.decideComment({ id, decision: 'approve', by: 'mod' }))).toBe(true);
      expect(await moved(() => store.deleteComment({ id }))).toBe(true);
      expect(await moved(() => store.setPremoderation({ target: comment.target, on: true, by: 'mod' }))).toBe(
        true,
      );
      await store.close();
    });

    it('raises an alert once, with a delivery for each webhook that wants its kind', async () => {
      const { store, trip } = await withTrip();
      const all = await store.addWebhook({ url: 'https://hooks.example/all', secret: 's1' });
      await store.addWebhook({ url: 'https://hooks.example/arrivals', secret: 's2', kinds: ['arrival'] });
      const gone = await store.addWebhook({ url: 'https://hooks.example/gone', secret: 's3' });
      expect(await store.removeWebhook({ id: gone.id })).toBe(true);
      expect(await store.removeWebhook({ id: gone.id })).toBe(false);
      expect((await store.listWebhooks({})).map((w) => w.url)).toEqual([
        'https://hooks.example/all',
        'https://hooks.example/arrivals',
      ]);
      const upcoming = alert(trip, 'upcoming_visit', '2024-08-29');
      const [raised] = await store.raiseAlerts({ alerts: [upcoming, upcoming] });
      expect(raised).toMatchObject({ id: upcoming.id, seq: 1, createdAt: '2024-08-29T00:00:00.000Z' });
      expect(await store.raiseAlerts({ alerts: [upcoming] })).toEqual([]);
      expect(await store.listAlerts({})).toEqual([raised]);
      expect(await store.listAlerts({ since: '2024-08-30' })).toEqual([]);
      expect(await store.listAlerts({ afterSeq: 0 })).toEqual([raised]);
      expect(await store.listAlerts({ afterSeq: raised!.seq })).toEqual([]);
      const due = await store.dueDeliveries({ now: '2099-01-01T00:00:00Z', limit: 10 });
      expect(due.map((d) => [d.alertId, d.webhook.url, d.state, d.attempts])).toEqual([
        [upcoming.id, all.url, 'pending', 0],
      ]);
      expect(due[0]!.alert).toEqual(raised);
      await store.close();
    });

    it('raises alerts asked for at once each once, numbered one after another', async () => {
      const { store, trip } = await withTrip();
      const kinds = ['upcoming_visit', 'arrival', 'departed_without_arrest', 'cancelled'] as const;
      const alerts = kinds.map((k) => alert(trip, k, '2024-08-29'));
      // Overlapping requests at once: on a pool of connections, the transactions interleave.
      const raised = await Promise.all(
        alerts.map((a, i) => store.raiseAlerts({ alerts: [a, alerts[(i + 1) % 4]!] })),
      );
      const listed = await store.listAlerts({});
      expect(listed.map((a) => a.seq)).toEqual([1, 2, 3, 4]);
      expect(listed.map((a) => a.id).sort()).toEqual(alerts.map((a) => a.id).sort());
      expect(raised.flat().length).toBe(4);
      await store.close();
    });

    it('caps the webhooks of an account that adds several at once', async () => {
      const store = await open();
      const ann = await store.addUser({ email: 'ann@example.org', role: 'analyst', passwordHash: 'h' });
      const adds = Array.from({ length: 6 }, (_, i) =>
        store.addWebhook({ url: `https://hooks.example/${i}`, secret: 's', ownerId: ann.id, maxPerOwner: 2 }),
      );
      const results = await Promise.allSettled(adds);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(2);
      for (const r of results)
        if (r.status === 'rejected') expect(r.reason).toMatchObject({ code: 'limit_reached' });
      expect(await store.listWebhooks({ ownerId: ann.id })).toHaveLength(2);
      await store.close();
    });

    it("keeps each user's webhooks apart from others' and the operator's, and caps how many one holds", async () => {
      const { store, trip } = await withTrip();
      const ann = await store.addUser({ email: 'ann@example.org', role: 'analyst', passwordHash: 'h' });
      const bob = await store.addUser({ email: 'bob@example.org', role: 'analyst', passwordHash: 'h' });
      const operator = await store.addWebhook({ url: 'https://hooks.example/op', secret: 's0' });
      const first = await store.addWebhook({
        url: 'https://hooks.example/ann',
        secret: 's1',
        ownerId: ann.id,
        maxPerOwner: 2,
      });
      expect(first.ownerId).toBe(ann.id);
      expect(operator.ownerId).toBeUndefined();
      await store.addWebhook({
        url: 'https://hooks.example/ann2',
        secret: 's2',
        ownerId: ann.id,
        maxPerOwner: 2,
      });
      await expect(
        store.addWebhook({
          url: 'https://hooks.example/ann3',
          secret: 's3',
          ownerId: ann.id,
          maxPerOwner: 2,
        }),
      ).rejects.toMatchObject({ code: 'limit_reached' });
      const bobs = await store.addWebhook({
        url: 'https://hooks.example/bob',
        secret: 's4',
        ownerId: bob.id,
        maxPerOwner: 2,
      });
      expect((await store.listWebhooks({ ownerId: ann.id })).map((w) => w.url)).toEqual([
        'https://hooks.example/ann',
        'https://hooks.example/ann2',
      ]);
      expect((await store.listWebhooks({})).map((w) => w.url)).toHaveLength(4);
      // Someone else's webhook, and the operator's, cannot be removed in a user's name.
      expect(await store.removeWebhook({ id: bobs.id, ownerId: ann.id })).toBe(false);
      expect(await store.removeWebhook({ id: operator.id, ownerId: ann.id })).toBe(false);
      expect(await store.removeWebhook({ id: first.id, ownerId: ann.id })).toBe(true);
      // A removed one no longer counts against the cap.
      await store.addWebhook({
        url: 'https://hooks.example/ann3',
        secret: 's3',
        ownerId: ann.id,
        maxPerOwner: 2,
      });
      expect((await store.listWebhooks({ ownerId: bob.id })).map((w) => w.id)).toEqual([bobs.id]);
      // Every live webhook gets the alert, whoever owns it; its deliveries are listed per webhook.
      await store.raiseAlerts({ alerts: [alert(trip, 'upcoming_visit', '2024-08-29')] });
      await store.raiseAlerts({ alerts: [alert(trip, 'arrival', '2024-09-02')] });
      const due = await store.dueDeliveries({ now: '2099-01-01T00:00:00Z', limit: 20 });
      expect(due.filter((d) => d.webhook.id === bobs.id).map((d) => d.webhook.ownerId)).toEqual([
        bob.id,
        bob.id,
      ]);
      const [arrival] = due.filter((d) => d.webhookId === bobs.id && d.alert.kind === 'arrival');
      await store.recordAttempt({
        id: arrival!.id,
        outcome: 'failed',
        at: '2024-09-02T00:00:01Z',
        error: 'HTTP 500',
        retryAt: '2024-09-02T00:00:11Z',
      });
      const listed = await store.listDeliveries({ webhookId: bobs.id, limit: 10 });
      expect(listed.map((d) => [d.alert.kind, d.state, d.attempts, d.lastError])).toEqual([
        ['arrival', 'pending', 1, 'HTTP 500'],
        ['upcoming_visit', 'pending', 0, undefined],
      ]);
      expect(await store.listDeliveries({ webhookId: bobs.id, limit: 1 })).toHaveLength(1);
      expect(await store.listDeliveries({ webhookId: first.id, limit: 10 })).toEqual([]);
      await store.close();
    });

    it('lets one sender claim a due delivery: another sender at once does not get it', async () => {
      const { store, trip } = await withTrip();
      await store.addWebhook({ url: 'https://hooks.example/a', secret: 's1' });
      await store.raiseAlerts({ alerts: [alert(trip, 'arrival', '2024-09-02')] });
      const at = '2030-01-01T00:00:00Z';
      const first = await store.dueDeliveries({ now: at, limit: 10, leaseSeconds: 60 });
      expect(first).toHaveLength(1);
      expect(await store.dueDeliveries({ now: at, limit: 10, leaseSeconds: 60 })).toEqual([]);
      // A sender that died holding it: the delivery comes due again when the claim runs out.
      const [again] = await store.dueDeliveries({ now: '2030-01-01T00:01:00Z', limit: 10, leaseSeconds: 60 });
      expect(again?.id).toBe(first[0]!.id);
      await store.close();
    });

    it('keeps a failed delivery due at its retry time, and stops at delivered or dead', async () => {
      const { store, trip } = await withTrip();
      await store.addWebhook({ url: 'https://hooks.example/a', secret: 's1' });
      await store.addWebhook({ url: 'https://hooks.example/b', secret: 's2' });
      await store.raiseAlerts({ alerts: [alert(trip, 'arrival', '2024-09-02')] });
      const far = '2099-01-01T00:00:00Z';
      const [a, b] = await store.dueDeliveries({ now: far, limit: 10 });
      await store.recordAttempt({
        id: a!.id,
        outcome: 'failed',
        at: '2024-09-02T00:00:01Z',
        error: 'HTTP 500',
        retryAt: '2024-09-02T00:00:11Z',
      });
      await store.recordAttempt({
        id: b!.id,
        outcome: 'failed',
        at: '2024-09-02T00:00:01Z',
        error: 'HTTP 410',
        retryAt: null,
      });
      expect(await store.dueDeliveries({ now: '2024-09-02T00:00:10Z', limit: 10 })).toEqual([]);
      const [again] = await store.dueDeliveries({ now: '2024-09-02T00:00:11Z', limit: 10 });
      expect(again).toMatchObject({ id: a!.id, attempts: 1, lastError: 'HTTP 500' });
      await store.recordAttempt({ id: a!.id, outcome: 'delivered', at: '2024-09-02T00:00:12Z' });
      expect(await store.dueDeliveries({ now: far, limit: 10 })).toEqual([]);
      await store.close();
    });
  });
}
