import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { projectRoot } from '../paths.js';

const bin = join(projectRoot, 'bin', 'warrant-watch');

it('ends quietly when the reader closes the pipe early (`extract | head`)', async () => {
  expect(
    existsSync(join(projectRoot, 'dist', 'cli', 'bin.js')),
    'dist/ is missing: npm test builds it first',
  ).toBe(true);
  const child = spawn(bin, ['extract'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const line = JSON.stringify({
    id: 1,
    published: '2024-09-03',
    text: 'Putin will visit Mongolia on Tuesday.',
  });
  // Far more output than a pipe holds, so the writer is still writing when the reader leaves.
  // The child then stops reading its input too: that end of the pipe breaks, as expected.
  child.stdin.on('error', () => {});
  child.stdin.end(`${line}\n`.repeat(5000));
  child.stdout.once('data', () => child.stdout.destroy());
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  expect(err).not.toMatch(/EPIPE|Error/);
  expect(code).toBe(0);
}, 60_000);
