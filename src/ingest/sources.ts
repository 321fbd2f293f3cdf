/**
 * @module ingest/sources
 * The sources to watch, read from a YAML file (data/sources.yaml by default) and validated: feeds,
 * single pages and public Telegram channels, each with a language and a polling interval.
 */
import { AppError } from '../errors.js';
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';

export const sourceSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(?:[-_][a-z0-9]+)*$/, 'expected an id such as bbc-world'),
    kind: z.enum(['feed', 'page', 'telegram']),
    url: z.string().url(),
    title: z.string().min(1),
    /** Primary language of the source, BCP 47. */
    lang: z.string().regex(/^[a-z]{2,3}$/),
    /** Minutes between two polls. */
    everyMinutes: z.number().int().min(5).default(30),
    enabled: z.boolean().default(true),
    notes: z.string().optional(),
  })
  .strict()
  .refine((s) => s.kind !== 'telegram' || /^https:\/\/t\.me\/s\/[A-Za-z0-9_]{4,}$/.test(s.url), {
    message: 'a telegram source must be a public channel preview, https://t.me/s/<channel>',
    path: ['url'],
  });
export type Source = z.infer<typeof sourceSchema>;

export class SourcesFileError extends AppError {
  override readonly name = 'SourcesFileError';
  readonly code = 'bad_sources_file';
  readonly status = 400;
}

/** Validates the text of a sources file; every problem names the record and the field. */
export function parseSources(text: string, fileName: string): Source[] {
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (e) {
    throw new SourcesFileError(`${fileName}: not valid YAML: ${(e as Error).message}`);
  }
  if (!Array.isArray(doc)) throw new SourcesFileError(`${fileName}: expected a list of sources`);
  const problems: string[] = [];
  const sources: Source[] = [];
  const ids = new Set<string>();
  doc.forEach((raw, i) => {
    const r = sourceSchema.safeParse(raw);
    const label = `source ${i + 1}${typeof (raw as { id?: unknown })?.id === 'string' ? ` (${(raw as { id: string }).id})` : ''}`;
    if (!r.success)
      return r.error.issues.forEach((is) =>
        problems.push(`${label}: field ${is.path.join('.') || '(record)'}: ${is.message}`),
      );
    if (ids.has(r.data.id)) problems.push(`${label}: duplicate id`);
    ids.add(r.data.id);
    sources.push(r.data);
  });
  if (problems.length) throw new SourcesFileError(`${fileName}:\n  - ${problems.join('\n  - ')}`);
  return sources;
}

export function loadSources(path: string): Source[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message;
    throw new SourcesFileError(
      `cannot read the sources file ${path}: ${why} (set WW_SOURCES_FILE or --sources)`,
    );
  }
  return parseSources(text, path);
}
