/**
 * @module store/comments.contract
 * The comments' and accounts' part of the Store contract, run from a `*.test.ts` beside the others.
 */
import { describe, expect, it } from 'vitest';
import type { AddCommentRequest } from './comments-types.js';
import { tickingClock, type MakeStore } from './store.contract.js';

const draft = (over: Partial<AddCommentRequest> = {}): AddCommentRequest => ({
  target: 'trip:t1',
  kind: 'comment',
  name: 'Ann',
  emailKey: 'k-ann',
  body: 'A comment.',
  state: 'pending',
  held: 'first_time',
  createdAt: '2024-09-03T10:00:00Z',
  ...over,
});

export function runCommentsContract(name: string, makeStore: MakeStore): void {
  const open = () => makeStore({ migrate: true, now: tickingClock() });

  describe(`comments and accounts contract: ${name}`, () => {
    it('keeps pending comments out of the published list until approved, and trusts the author after', async () => {
      const store = await open();
      const c = await store.addComment(draft());
      expect(c).toMatchObject({ state: 'pending', held: 'first_time', name: 'Ann' });
      expect(c).not.toHaveProperty('emailKey');
      expect(await store.listComments({ target: 'trip:t1' })).toEqual([]);
      expect((await store.listComments({ state: 'pending' })).map((x) => x.id)).toEqual([c.id]);
      expect(await store.authorApproved({ emailKey: 'k-ann' })).toBe(false);
      const approved = await store.decideComment({ id: c.id, decision: 'approve', by: 'mod@x' });
      expect(approved).toMatchObject({ state: 'published', decidedBy: 'mod@x' });
      expect(await store.authorApproved({ emailKey: 'k-ann' })).toBe(true);
      expect(await store.authorApproved({ emailKey: 'k-bob' })).toBe(false);
      expect((await store.listComments({ target: 'trip:t1' })).map((x) => x.id)).toEqual([c.id]);
      expect(await store.listComments({ target: 'trip:t2' })).toEqual([]);
      expect(await store.decideComment({ id: 'nope', decision: 'reject', by: 'm' })).toBeUndefined();
      await store.close();
    });

    it('threads replies only under a published comment of the same target', async () => {
      const store = await open();
      const parent = await store.addComment(draft({ state: 'published' }));
      const reply = await store.addComment(draft({ parentId: parent.id, state: 'published' }));
      expect(reply.parentId).toBe(parent.id);
      await expect(store.addComment(draft({ target: 'trip:t2', parentId: parent.id }))).rejects.toThrow(
        /a reply must answer/,
      );
      const pending = await store.addComment(draft());
      await expect(store.addComment(draft({ parentId: pending.id }))).rejects.toThrow(/a reply must answer/);
      await store.close();
    });

    it('erases a deleted comment once, counts an author by time, and queues corrections', async () => {
      const store = await open();
      const c = await store.addComment(draft({ state: 'published', website: 'https://ann.example' }));
      expect(await store.deleteComment({ id: c.id })).toBe(true);
      expect(await store.deleteComment({ id: c.id })).toBe(false);
      expect(await store.getComment({ id: c.id })).toMatchObject({ state: 'deleted', body: '', name: '' });
      expect(await store.getComment({ id: c.id })).not.toHaveProperty('website');
      await store.addComment(draft({ createdAt: '2024-09-03T11:00:00Z' }));
      await store.addComment(draft({ createdAt: '2024-09-03T12:00:00Z' }));
      expect(await store.countAuthorComments({ emailKey: 'k-ann', since: '2024-09-03T11:00:00Z' })).toBe(2);
      expect(await store.countAuthorComments({ emailKey: 'k-ann', since: '2999-01-01T00:00:00Z' })).toBe(0);
      const fix = await store.addComment(draft({ kind: 'correction', sourceUrl: 'https://news.example/a' }));
      expect(fix.reviewState).toBe('open');
      expect((await store.openCorrections({ target: 'trip:t1' })).map((x) => x.id)).toEqual([fix.id]);
      expect(await store.closeCorrection({ id: fix.id, by: 'analyst@x' })).toBe(true);
      expect(await store.openCorrections({})).toEqual([]);
      await store.close();
    });

    it('purges comments pending since before the cutoff, keeping published, rejected and open corrections', async () => {
      const store = await open();
      const old = await store.addComment(draft({ createdAt: '2024-08-01T00:00:00Z' }));
      const older = await store.addComment(draft({ createdAt: '2024-07-01T00:00:00Z' }));
      const recent = await store.addComment(draft({ createdAt: '2024-09-02T00:00:00Z' }));
      const published = await store.addComment(
        draft({ state: 'published', createdAt: '2024-07-01T00:00:00Z' }),
      );
      const rejected = await store.addComment(draft({ createdAt: '2024-07-01T00:00:00Z' }));
      await store.decideComment({ id: rejected.id, decision: 'reject', by: 'mod@x' });
      const fix = { kind: 'correction' as const, sourceUrl: 'https://news.example/a' };
      const openFix = await store.addComment(draft({ ...fix, createdAt: '2024-07-01T00:00:00Z' }));
      const doneFix = await store.addComment(draft({ ...fix, createdAt: '2024-07-01T01:00:00Z' }));
      await store.closeCorrection({ id: doneFix.id, by: 'analyst@x' });
      const reply = await store.addComment(
        draft({ parentId: published.id, createdAt: '2024-07-02T00:00:00Z' }),
      );
      const cutoff = { createdBefore: '2024-09-01T00:00:00Z' };
      const expected = [older.id, doneFix.id, reply.id, old.id];
      expect(await store.purgePendingComments({ ...cutoff, dryRun: true })).toEqual({ purged: expected });
      expect(await store.getComment({ id: old.id })).toBeDefined();
      expect(await store.purgePendingComments(cutoff)).toEqual({ purged: expected });
      for (const id of expected) expect(await store.getComment({ id })).toBeUndefined();
      for (const c of [recent, published, rejected, openFix])
        expect(await store.getComment({ id: c.id })).toMatchObject({ id: c.id, body: 'A comment.' });
      expect(await store.purgePendingComments(cutoff)).toEqual({ purged: [] });
      await expect(store.purgePendingComments({ createdBefore: 'yesterday' })).rejects.toThrow(/ISO 8601/);
      await store.close();
    });

    it('queues one reply e-mail when a reply by another author is published under a subscribed comment', async () => {
      const store = await open();
      const due = () => store.dueReplyMails({ now: '2030-01-01T00:00:00Z', limit: 10, leaseSeconds: 60 });
      const parent = await store.addComment(draft({ state: 'published' }));
      const quiet = await store.addComment(draft({ state: 'published', body: 'Nobody asked.' }));
      await store.subscribeToReplies({ commentId: parent.id, sealedAddress: 'v1.sealed-ann' });
      expect(await store.repliesSubscribed({ commentId: parent.id })).toBe(true);
      expect(await store.repliesSubscribed({ commentId: quiet.id })).toBe(false);
      await store.addComment(
        draft({ parentId: parent.id, state: 'published', body: 'Ann answers herself.' }),
      );
      await store.addComment(draft({ parentId: quiet.id, emailKey: 'k-bob', state: 'published' }));
      const held = await store.addComment(draft({ parentId: parent.id, emailKey: 'k-bob', name: 'Bob' }));
      expect(await due()).toEqual([]);
      await store.decideComment({ id: held.id, decision: 'approve', by: 'mod@x' });
      const [mail, ...more] = await due();
      expect(more).toEqual([]);
      expect(mail).toMatchObject({ attempts: 0, sealedAddress: 'v1.sealed-ann' });
      expect(mail!.parent).toMatchObject({ id: parent.id, name: 'Ann' });
      expect(mail!.reply).toMatchObject({ id: held.id, name: 'Bob', state: 'published' });
      expect(mail).not.toHaveProperty('emailKey');
      expect(await due()).toEqual([]); // claimed for the lease
      await store.recordReplyMail({ id: mail!.id, outcome: 'sent', at: '2030-01-01T00:00:01Z' });
      await store.decideComment({ id: held.id, decision: 'reject', by: 'mod@x' });
      await store.decideComment({ id: held.id, decision: 'approve', by: 'mod@x' });
      const auto = await store.addComment(
        draft({ parentId: parent.id, emailKey: 'k-cy', state: 'published' }),
      );
      const later = { now: '2030-01-02T00:00:00Z', limit: 10, leaseSeconds: 60 };
      expect((await store.dueReplyMails(later)).map((m) => m.reply.id)).toEqual([auto.id]);
      await store.close();
    });

    it('retries a failed reply e-mail, gives up after the last try, and drops it once the address is wiped', async () => {
      const store = await open();
      const due = (now: string) => store.dueReplyMails({ now, limit: 10, leaseSeconds: 60 });
      const parent = await store.addComment(draft({ state: 'published' }));
      await store.subscribeToReplies({ commentId: parent.id, sealedAddress: 'v1.a' });
      await store.addComment(draft({ parentId: parent.id, emailKey: 'k-bob', state: 'published' }));
      const [first] = await due('2030-01-01T00:00:00Z');
      const retryAt = '2030-01-01T00:10:00Z';
      await store.recordReplyMail({
        id: first!.id,
        outcome: 'failed',
        at: '2030-01-01T00:00:01Z',
        error: 'busy',
        retryAt,
      });
      expect(await due('2030-01-01T00:09:59Z')).toEqual([]);
      const [again] = await due(retryAt);
      expect(again).toMatchObject({ id: first!.id, attempts: 1 });
      await store.recordReplyMail({
        id: first!.id,
        outcome: 'failed',
        at: retryAt,
        error: 'busy',
        retryAt: null,
      });
      expect(await due('2031-01-01T00:00:00Z')).toEqual([]);
      const second = await store.addComment(
        draft({ parentId: parent.id, emailKey: 'k-cy', state: 'published' }),
      );
      expect(await store.unsubscribeFromReplies({ commentId: parent.id })).toBe(true);
      expect(await store.unsubscribeFromReplies({ commentId: parent.id })).toBe(false);
      expect(await store.repliesSubscribed({ commentId: parent.id })).toBe(false);
      expect(await due('2031-01-01T00:00:00Z')).toEqual([]);
      await store.subscribeToReplies({ commentId: parent.id, sealedAddress: 'v1.b' });
      expect(await due('2031-01-01T00:00:00Z')).toEqual([]); // dropped for good, not revived
      await store.deleteComment({ id: second.id });
      await store.addComment(draft({ parentId: parent.id, emailKey: 'k-dee', state: 'published' }));
      expect(await store.deleteComment({ id: parent.id })).toBe(true);
      expect(await store.repliesSubscribed({ commentId: parent.id })).toBe(false);
      expect(await due('2031-01-01T00:00:00Z')).toEqual([]);
      const refused = await store.addComment(draft({ state: 'published', body: 'Refused later.' }));
      await store.subscribeToReplies({ commentId: refused.id, sealedAddress: 'v1.r' });
      const replyToRefused = await store.addComment(draft({ parentId: refused.id, emailKey: 'k-eve' }));
      await store.decideComment({ id: refused.id, decision: 'reject', by: 'mod@x' });
      expect(await store.repliesSubscribed({ commentId: refused.id })).toBe(false);
      await store.decideComment({ id: replyToRefused.id, decision: 'approve', by: 'mod@x' });
      expect(await due('2031-01-01T00:00:00Z')).toEqual([]);
      const waiting = await store.addComment(draft({ createdAt: '2024-01-01T00:00:00Z' }));
      await store.subscribeToReplies({ commentId: waiting.id, sealedAddress: 'v1.c' });
      expect(await store.purgePendingComments({ createdBefore: '2024-06-01T00:00:00Z' })).toEqual({
        purged: [waiting.id],
      });
      expect(await store.repliesSubscribed({ commentId: waiting.id })).toBe(false);
      await store.close();
    });

    it('switches pre-moderation per target and keeps one secret per name', async () => {
      const store = await open();
      expect(await store.isPremoderated({ target: 'trip:t1' })).toBe(false);
      await store.setPremoderation({ target: 'trip:t1', on: true, by: 'mod@x' });
      expect(await store.isPremoderated({ target: 'trip:t1' })).toBe(true);
      expect(await store.isPremoderated({ target: 'trip:t2' })).toBe(false);
      await store.setPremoderation({ target: 'trip:t1', on: false, by: 'mod@x' });
      expect(await store.isPremoderated({ target: 'trip:t1' })).toBe(false);
      const s = await store.siteSecret({ name: 'web' });
      expect(s).toMatch(/^[0-9a-f]{64}$/);
      expect(await store.siteSecret({ name: 'web' })).toBe(s);
      expect(await store.siteSecret({ name: 'other' })).not.toBe(s);
      await store.close();
    });

    it('keeps one account per address, counts failures and finds live sessions only', async () => {
      const store = await open();
      const u = await store.addUser({ email: 'Ann@Example.org', role: 'moderator', passwordHash: 'h' });
      expect(u).toMatchObject({ email: 'ann@example.org', role: 'moderator', failedLogins: 0 });
      await expect(
        store.addUser({ email: 'ann@example.org', role: 'analyst', passwordHash: 'h' }),
      ).rejects.toThrow(/already has an account/);
      expect((await store.getUser({ email: 'ANN@example.org' }))?.id).toBe(u.id);
      await store.recordLoginFailure({ id: u.id });
      const locked = await store.recordLoginFailure({ id: u.id, lockUntil: '2030-01-01T00:00:00Z' });
      expect(locked).toMatchObject({ failedLogins: 2, lockedUntil: '2030-01-01T00:00:00.000Z' });
      await store.resetLoginFailures({ id: u.id });
      expect(await store.getUser({ id: u.id })).toMatchObject({ failedLogins: 0 });
      expect((await store.getUser({ id: u.id }))?.lockedUntil).toBeUndefined();
      const session = {
        idHash: 'h1',
        userId: u.id,
        createdAt: '2026-01-01T00:00:00Z',
        expiresAt: '2026-01-02T00:00:00Z',
      };
      await store.createSession(session);
      expect((await store.findSession({ idHash: 'h1', now: '2026-01-01T12:00:00Z' }))?.user.id).toBe(u.id);
      expect(await store.findSession({ idHash: 'h1', now: '2026-01-02T00:00:01Z' })).toBeUndefined();
      expect(await store.findSession({ idHash: 'h2', now: '2026-01-01T12:00:00Z' })).toBeUndefined();
      await store.deleteSession({ idHash: 'h1' });
      expect(await store.findSession({ idHash: 'h1', now: '2026-01-01T12:00:00Z' })).toBeUndefined();
      await store.close();
    });
  });
}
