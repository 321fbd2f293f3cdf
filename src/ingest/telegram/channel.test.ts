import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { channelName, parseTelegramChannel } from './index.js';

const html = readFileSync(new URL('./testdata/channel.html', import.meta.url), 'utf8');

describe('parseTelegramChannel', () => {
  const page = parseTelegramChannel(html, 'https://t.me/s/mfa_watch');

  it('reads the channel and its title', () => {
    expect(page.channel).toBe('mfa_watch');
    expect(page.title).toBe('МИД Наблюдение');
    expect(page.posts.map((p) => p.id)).toEqual(['mfa_watch/101', 'mfa_watch/102', 'mfa_watch/103']);
  });

  it('keeps Cyrillic text, <br> line breaks, link text and entities', () => {
    const p = page.posts[0]!;
    expect(p.url).toBe('https://t.me/mfa_watch/101');
    expect(p.text).toBe(
      'Путин прибудет в Улан-Батор 3 сентября.\nМонголия — государство-участник Римского статута.\nЗаявление МУС & комментарии',
    );
    expect(p.published).toBe('2024-08-30T09:15:00Z');
    expect(p.views).toBe('12.5K');
  });

  it('reads a forwarded Arabic post without the forwarding line, dates in UTC', () => {
    const p = page.posts[1]!;
    expect(p.text).toBe('وصل الرئيس إلى أولان باتور صباح اليوم');
    expect(p.published).toBe('2024-09-02T15:40:12Z');
    expect(p.views).toBe('3');
  });

  it('keeps a photo-only post with empty text and an unreadable date as null', () => {
    expect(page.posts[2]).toMatchObject({ text: '', published: null, views: null });
  });

  it('returns no posts for a page that is not a channel preview', () => {
    expect(parseTelegramChannel('<html><body>nothing</body></html>', '@mfa_watch').posts).toEqual([]);
  });
});

describe('channelName', () => {
  it.each([
    ['https://t.me/s/Mfa_Watch', 'mfa_watch'],
    ['t.me/mfa_watch', 'mfa_watch'],
    ['@mfa_watch', 'mfa_watch'],
  ])('%s → %s', (input, name) => expect(channelName(input)).toBe(name));
});
