/**
 * @module testing/claims
 * Claims and news for tests of the record: a trip event of Putin to Mongolia unless told
 * otherwise, a claim of it in an article, and days counted from today for tests that need live
 * news (the record step runs on the real clock there).
 */
import type { Claim } from '../events/index.js';
import type { ExtractedEvent } from '../model.js';

export function tripEvent(more: Partial<ExtractedEvent> = {}): ExtractedEvent {
  return {
    type: 'trip',
    subjectId: 'putin-vladimir',
    countryIso2: 'MN',
    city: null,
    start: null,
    end: null,
    status: 'planned',
    confidence: 0.8,
    evidence: [{ start: 0, end: 5, text: 'Putin' }],
    ...more,
  };
}

/** Article `id`, published on `published`, claims Putin's trip to Mongolia is `status`. */
export function claim(
  id: string,
  published: string,
  status: ExtractedEvent['status'],
  more: Partial<ExtractedEvent> = {},
): Claim {
  return {
    article: { id, url: `https://news.example/${id}`, published },
    event: tripEvent({ status, evidence: [{ start: 0, end: 4, text: `text of ${id}` }], ...more }),
  };
}

/** YYYY-MM-DD, `offset` days from today. */
export const dayFromToday = (offset: number) =>
  new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** "3 September 2026": a day as English news prints it. */
export const spelledDay = (iso: string) =>
  new Date(`${iso}T12:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
