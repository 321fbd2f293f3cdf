import { describe, expect, it } from 'vitest';
import { parseDocument } from './document.js';
import { readMeta } from './meta.js';
import { readPageDates } from './page-dates.js';
import { labelled, readTextDates, textOrder } from './text-dates.js';

const docOf = (html: string) => parseDocument(html);

describe('textOrder', () => {
  it.each([
    ['<html lang="en-US">', undefined, 'month-first'],
    ['<html lang="en-GB">', undefined, 'day-first'],
    ['<html lang="de">', 'https://example.com/a', 'day-first'],
    ['<html lang="en">', 'https://example.com/a', 'month-first'],
    ['<html lang="en">', 'https://example.co.uk/a', 'day-first'],
    ['<html>', 'https://example.org/a', 'month-first'],
    ['<html>', 'https://example.fr/a', 'day-first'],
  ])('%s %s → %s', (open, url, want) => {
    const doc = docOf(`${open}<body></body></html>`);
    expect(textOrder(doc, readMeta(doc), url)).toBe(want);
  });
});

describe('readTextDates', () => {
  it('puts the dates under the headline first, then those above it, and leaves out revisions', () => {
    const doc = docOf(
      '<html><body><p>Friday, 1 March 2024</p><h1>A long headline</h1><p>Updated: 5 March 2024</p>' +
        '<p>Posted on 3 March 2024</p></body></html>',
    );
    const page = readPageDates(doc, 'A long headline');
    const dates = readTextDates(page, 'A long headline', 'day-first');
    expect(dates.byline.map((d) => d.day)).toEqual(['2024-03-05', '2024-03-03', '2024-03-01']);
    expect(dates.byline.map((d) => d.updated)).toEqual([true, false, false]);
    expect(labelled(dates.byline).map((d) => d.day)).toEqual(['2024-03-03']);
  });
});
