/**
 * @module cli/output
 * Writing to the terminal: JSON for machines, wrapped paragraphs and aligned tables for people.
 */
export interface Out {
  write(text: string): void;
  /**
   * Settles once the sink holds no more than it wants (a pipe to a slower reader fills up): a
   * command that writes as long as its input lasts waits on it, so that memory stays bounded.
   */
  drained?(): Promise<void>;
}

/** Prints `value` as JSON, its keys in the one casing of every `--json` (see `snakeKeys`). */
export function printJson(out: Out, value: unknown): void {
  out.write(`${JSON.stringify(snakeKeys(value), null, 2)}\n`);
}

/** Greedy word wrap at `width` columns, every line prefixed with `indent`. */
export function wrap(text: string, width = 96, indent = ''): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && indent.length + line.length + 1 + word.length > width) {
      lines.push(indent + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(indent + line);
  return lines.join('\n');
}

/** One item of a bulleted list, wrapped: "  - " on its first line, its other lines aligned under the text. */
export function bullet(text: string, width = 96): string {
  return wrap(text, width, '    ').replace(/^ {4}/, '  - ');
}

/** A plain table: columns padded to their widest cell. */
export function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const fmt = (cells: string[]) =>
    cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ');
  return [fmt(headers), fmt(widths.map((w) => '-'.repeat(w))), ...rows.map(fmt)].join('\n') + '\n';
}

/** "statusSince" → "status_since"; a key with no lower-case letter before a capital stays as it is ("MN", "pt-BR"). */
function snakeCase(key: string): string {
  return key.replace(/(?<=[a-z0-9])([A-Z])/g, (c) => `_${c.toLowerCase()}`);
}

/**
 * A value with every object key in snake_case, the one casing of every `--json` (as `extract
 * --json` prints): printJson prints every value through it, so a new field cannot bring another
 * casing. Values are left alone.
 */
export function snakeKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(snakeKeys);
  // Only plain records: a Date or a class instance is left for JSON.stringify to print.
  if (value === null || typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype)
    return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [snakeCase(k), snakeKeys(v)]));
}
