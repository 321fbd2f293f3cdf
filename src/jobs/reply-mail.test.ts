import { describe, expect, it } from 'vitest';
import type { Comment, DueReplyMail, RecordReplyMailRequest } from '../store/index.js';
import { RETRY_DELAYS_S, type Mail } from './delivery.js';
import { sendReplyMails, type ReplyMailDeps } from './reply-mail.js';

const ADDRESS = 'ann@private.example';
/** Stands in for web/auth/keys: a "sealed" address opens for its own comment only. */
const seal = (id: string) => `sealed-for-${id}`;
const openAddress = (id: string, sealed: string) => {
  if (sealed !== seal(id)) throw new Error('unsupported state or unable to authenticate data');
  return ADDRESS;
};
const comment = (id: string, name: string, body: string): Comment => ({
  id,
  target: 'trip:nowhere',
  kind: 'comment',
  name,
  body,
  state: 'published',
  createdAt: '2026-12-01T00:00:00.000Z',
});
const due = (attempts: number, sealedAddress = seal('p1')): DueReplyMail => ({
  id: 'm1',
  attempts,
  sealedAddress,
  parent: comment('p1', 'Ann', 'Question'),
  reply: comment('r1', 'Bob', 'Answer'),
});

/** The sender over a store that hands out `mails` once and keeps what was recorded. */
function sender(mails: DueReplyMail[], mail: Mail) {
  const recorded: RecordReplyMailRequest[] = [];
  const deps: ReplyMailDeps = {
    store: {
      dueReplyMails: async () => mails.splice(0),
      recordReplyMail: async (r) => void recorded.push(r),
      getTrip: async () => undefined,
    },
    mail,
    openAddress,
    links: {
      thread: (c) => `https://ww.example/c/${c.id}`,
      unsubscribe: (id) => `https://ww.example/u/${id}`,
    },
    reg: { subjects: new Map(), countryName: (iso2) => iso2 },
    now: () => new Date('2026-12-04T12:00:00Z'),
  };
  return { run: () => sendReplyMails(deps), recorded };
}

describe('sendReplyMails', () => {
  it('sends nothing for an address that does not open, and retries later', async () => {
    const sent: string[] = [];
    const s = sender([due(0, seal('another-comment'))], async (m) => void sent.push(m.to));
    expect(await s.run()).toEqual({ sent: 0, retried: 1, dead: 0 });
    expect(sent).toEqual([]);
    expect(s.recorded).toEqual([
      {
        id: 'm1',
        outcome: 'failed',
        at: '2026-12-04T12:00:00.000Z',
        error: 'the address cannot be opened with this site secret',
        retryAt: new Date(Date.parse('2026-12-04T12:00:00Z') + RETRY_DELAYS_S[0] * 1000).toISOString(),
      },
    ]);
  });

  it('keeps no trace of the address in the error of a refused e-mail, and gives up after the last try', async () => {
    const refuse: Mail = async (m) => {
      throw new Error(`550 5.1.1 <${m.to}>: Recipient address rejected`);
    };
    const s = sender([due(RETRY_DELAYS_S.length)], refuse);
    expect(await s.run()).toEqual({ sent: 0, retried: 0, dead: 1 });
    expect(s.recorded[0]).toMatchObject({
      outcome: 'failed',
      error: '550 5.1.1 <<recipient>>: Recipient address rejected',
      retryAt: null,
    });
  });

  it('sends to the opened address, naming the comments by their target when it is no trip', async () => {
    const got: Parameters<Mail>[0][] = [];
    const s = sender([due(0)], async (m) => void got.push(m));
    expect(await s.run()).toEqual({ sent: 1, retried: 0, dead: 0 });
    expect(got[0]).toMatchObject({ to: ADDRESS, messageId: '<reply-m1@warrant-watch>' });
    expect(got[0]!.text).toContain('Bob replied to your comment on the trip trip:nowhere:\n\n> Answer\n');
    expect(got[0]!.text).toContain('https://ww.example/c/r1');
    expect(got[0]!.headers).toEqual({
      'List-Unsubscribe': '<https://ww.example/u/p1>',
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    });
  });
});
