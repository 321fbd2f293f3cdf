import { describe, expect, it } from 'vitest';
import { countLinks, holdReason, linkRuns, MAX_LINKS, parseCommentInput } from './policy.js';

const valid = { name: 'Ann', email: 'ann@example.org', body: 'Hello' };

describe('comment policy', () => {
  it('holds by the first rule that applies, in the documented order', () => {
    expect(holdReason({ premoderated: true, links: 9, authorApproved: true })).toBe('premoderated');
    expect(holdReason({ premoderated: false, links: MAX_LINKS + 1, authorApproved: true })).toBe('links');
    expect(holdReason({ premoderated: false, links: MAX_LINKS, authorApproved: false })).toBe('first_time');
    expect(holdReason({ premoderated: false, links: MAX_LINKS, authorApproved: true })).toBeUndefined();
  });

  it('finds http(s) links only, without their trailing punctuation', () => {
    const text = 'See https://a.example/x?y=1, and (http://b.example). Not javascript:alert(1) nor ftp://c';
    expect(countLinks(text)).toBe(2);
    expect(
      linkRuns(text)
        .filter((r) => r.href)
        .map((r) => r.href),
    ).toEqual(['https://a.example/x?y=1', 'http://b.example']);
    expect(
      linkRuns(text)
        .map((r) => r.text)
        .join(''),
    ).toBe(text);
  });

  it('asks for reply e-mails only when the box is ticked (the form sends "1", JSON true)', () => {
    expect(parseCommentInput(valid).notify_replies).toBe(false);
    expect(parseCommentInput({ ...valid, notify_replies: '1' }).notify_replies).toBe(true);
    expect(parseCommentInput({ ...valid, notify_replies: true }).notify_replies).toBe(true);
    expect(parseCommentInput({ ...valid, notify_replies: 'false' }).notify_replies).toBe(false);
  });

  it('requires the fields, refuses non-http websites and names the field, never the value', () => {
    expect(parseCommentInput({ ...valid, website: '' })).toMatchObject({ name: 'Ann', kind: 'comment' });
    expect(parseCommentInput({ ...valid, website: '' }).website).toBeUndefined();
    expect(() => parseCommentInput({ ...valid, website: 'javascript:alert(1)' })).toThrow(/website must be/);
    const secret = 'not-an-address-secret';
    expect(() => parseCommentInput({ ...valid, email: secret })).toThrow(/email is not an e-mail address/);
    try {
      parseCommentInput({ ...valid, email: secret });
    } catch (e) {
      expect((e as Error).message).not.toContain(secret);
    }
    expect(() => parseCommentInput({ ...valid, body: 'x'.repeat(4001) })).toThrow(/body/);
    expect(() => parseCommentInput({ ...valid, kind: 'correction' })).toThrow(/source_url/);
    expect(() => parseCommentInput({ name: 'Ann' })).toThrow(/email/);
  });
});
