/**
 * @module extract/eval/cases
 * Reads labelled cases (the corpus schema of ../shared/corpus/README.md) from JSON Lines, validated
 * with zod; a bad line fails with its number and the field that is wrong.
 */
import { AppError } from '../../errors.js';
import { z } from 'zod';

const day = z.union([z.literal(''), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD or ""')]);

export const eventTypes = [
  'trip',
  'arrest',
  'warrant_issued',
  'call_to_arrest',
  'protest',
  'statement',
] as const;
export const tripStatuses = ['planned', 'under_way', 'completed', 'cancelled', 'remote', 'none'] as const;

export const labelledEventSchema = z.object({
  type: z.enum(eventTypes),
  subject: z.string().min(1),
  country_iso2: z.union([
    z.literal(''),
    z.string().regex(/^[A-Z]{2}$/, 'expected an ISO 3166-1 alpha-2 code or ""'),
  ]),
  city: z.string(),
  start: day,
  end: day,
  status: z.enum(tripStatuses),
});

export const labelledCaseSchema = z.object({
  id: z.string().min(1),
  source_url: z.string().optional(),
  published: day,
  text: z.string().min(1),
  expected: z.array(labelledEventSchema),
  notes: z.string().default(''),
  /** Which part of a labelled file the case belongs to (train.jsonl: `tune` or `check`). */
  split: z.string().optional(),
});

export type LabelledEvent = z.infer<typeof labelledEventSchema>;
export type LabelledCase = z.infer<typeof labelledCaseSchema> & { line: number };

/** A line of a labelled file that cannot be read: its number, the field and what is wrong. */
export class CaseFileError extends AppError {
  override readonly name = 'CaseFileError';
  readonly code = 'bad_case_file';
  readonly status = 400;
  constructor(
    readonly line: number,
    readonly field: string,
    readonly problem: string,
  ) {
    super(`line ${line}${field ? `, field ${field}` : ''}: ${problem}`);
  }
}

/** "expected.2.subject" style path of a zod issue. */
export function issuePath(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

/** One labelled case from one line, or a CaseFileError naming the line and the field. */
export function parseCaseLine(raw: string, line: number): LabelledCase {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (e) {
    throw new CaseFileError(line, '', `not JSON (${(e as Error).message})`);
  }
  const parsed = labelledCaseSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new CaseFileError(line, issuePath(issue.path), issue.message);
  }
  return { ...parsed.data, line };
}

/** The splits the cases name, sorted: what `casesOfSplit` may be asked for. */
export function splitNames(cases: readonly LabelledCase[]): string[] {
  return [...new Set(cases.flatMap((c) => (c.split === undefined ? [] : [c.split])))].sort();
}

/** Every case of a JSON Lines text; blank lines are skipped, duplicate ids rejected. */
export function parseCases(text: string): LabelledCase[] {
  const cases: LabelledCase[] = [];
  const seen = new Set<string>();
  text.split('\n').forEach((raw, i) => {
    if (!raw.trim()) return;
    const c = parseCaseLine(raw, i + 1);
    if (seen.has(c.id)) throw new CaseFileError(i + 1, 'id', `duplicate id ${c.id}`);
    seen.add(c.id);
    cases.push(c);
  });
  return cases;
}
