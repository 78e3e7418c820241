import { describe, expect, it } from 'vitest';

describe('chat line', () => {
  it('is Markdown with the title linked, the context and the summary, escaping Markdown in the text', async () => {
    const { chatLine } = await import('../../src/lib/share');
    expect(chatLine('How to Break [it]', 'KubeCon Europe 2021', 'DNS *really* matters.')).toBe(
      '[How to Break \\[it\\]]({url}) · KubeCon Europe 2021: DNS \\*really\\* matters.',
    );
  });
});
