/**
 * The extractor's golden cases: every file of src/extract/testdata is a list of texts written for
 * the tests, each with the events the corpus rules (../shared/corpus/README.md) give it. A case
 * gives `events` (exactly those, in any order, of the `types` it names, else of every type),
 * or `absent` (lines that must not come out); `fails` marks a known gap, with its reason, and
 * fails the run if the gap closes so that the case is updated.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { eventTypes } from './eval/index.js';
import { extract } from '../testing/extract.js';

const DIR = join(import.meta.dirname, 'testdata');

const goldenCase = z
  .object({
    name: z.string().min(1),
    published: z
      .string()
      .regex(/^\d{4}-\d\d-\d\d$/u)
      .nullable(),
    text: z.string().min(1),
    types: z.array(z.enum(eventTypes)).optional(),
    events: z.array(z.string()).optional(),
    absent: z.array(z.string()).optional(),
    fails: z.string().min(1).optional(),
  })
  .strict()
  .refine((c) => c.events || c.absent, 'a case needs events or absent');
type GoldenCase = z.infer<typeof goldenCase>;

/** Events as "type subject country city status start end" lines ('-' for a blank field). */
function lines(c: GoldenCase): string[] {
  return extract({ text: c.text, published: c.published })
    .filter((e) => !c.types || c.types.includes(e.type))
    .map((e) =>
      [e.type, e.subjectId, e.countryIso2 ?? '-', e.city ?? '-', e.status, e.start ?? '-', e.end ?? '-'].join(
        ' ',
      ),
    )
    .sort();
}

function check(c: GoldenCase): void {
  const got = lines(c);
  if (c.events) expect(got).toEqual([...c.events].sort());
  for (const line of c.absent ?? []) expect(got).not.toContain(line);
}

const files = readdirSync(DIR).filter((f) => f.endsWith('.yaml'));

describe('golden cases', () => {
  it('are there', () => expect(files.length).toBeGreaterThan(0));
});

for (const file of files) {
  const cases = z.array(goldenCase).parse(parse(readFileSync(join(DIR, file), 'utf8')));
  describe(file, () => {
    for (const c of cases) (c.fails ? it.fails : it)(c.name, () => check(c));
  });
}
