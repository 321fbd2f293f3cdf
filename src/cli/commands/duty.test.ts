import { describe, expect, it } from 'vitest';
import { runCli } from '../../testing/cli.js';

describe('warrant-watch duty', () => {
  it('says when the answer rests on a fact the registry does not mark verified', async () => {
    const { code, out } = await runCli(['duty', 'netanyahu', 'Hungary', '2026-07-01']);
    expect(code).toBe(0);
    expect(out).toMatch(/^BINDING DUTY TO ARREST: Hungary/);
    const caveats = out.slice(out.indexOf('\nCaveats:\n')).replace(/\s+/g, ' ');
    expect(caveats).toContain(
      "- [unverified_fact] This answer rests on Hungary's revocation of its withdrawal notice (29 May 2026), which the registry marks single_source",
    );
    // Before the notice would have taken effect, the answer does not rest on its revocation.
    const before = await runCli(['duty', 'netanyahu', 'Hungary', '2026-06-01']);
    expect(before.out).not.toContain('unverified_fact');
  });
});
