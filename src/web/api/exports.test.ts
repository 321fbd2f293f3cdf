import { describe, expect, it } from 'vitest';
import { csvCell } from './exports.js';

/** A minimal RFC 4180 reader, enough to read back what csvCell writes. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ',') {
      row.push(cell);
      cell = '';
    } else if (!quoted && c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else {
      cell += c;
    }
  }
  return rows;
}

describe('csvCell', () => {
  it.each([
    ['plain', 'plain'],
    ['a, b', '"a, b"'],
    ['he said "no"', '"he said ""no"""'],
    ['two\nlines', '"two\nlines"'],
    [' padded ', '" padded "'],
  ])('writes %j as %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it.each(['=SUM(A1:A2)', '+1', '-1+1', '@cmd', '\t=1', '\r=1', '=HYPERLINK("http://x","y")'])(
    'makes the formula %j inert, and reads back as the text with a leading quote',
    (value) => {
      const [[back]] = readCsv(`${csvCell(value)}\r\n`) as [[string]];
      expect(back).toBe(`'${value}`);
    },
  );

  it('writes numbers as numbers and null as an empty cell', () => {
    expect([csvCell(-0.5), csvCell(0.8), csvCell(null), csvCell(true)]).toEqual(['-0.5', '0.8', '', 'true']);
  });

  it('keeps the cells of a row apart whatever they hold', () => {
    const values = ['a,b', 'c"d', 'e\r\nf', '=g', ''];
    const line = `${values.map(csvCell).join(',')}\r\n`;
    expect(readCsv(line)).toEqual([['a,b', 'c"d', 'e\r\nf', "'=g", '']]);
  });
});
