import { describe, expect, it } from 'vitest';

describe('table of contents', async () => {
  const { tableOfContents } = await import('../../src/lib/toc');
  it('builds a table of contents only for long pages', () => {
    const h = (depth: number, text: string) => ({ depth, slug: text.toLowerCase(), text });
    const short = [h(2, 'A'), h(2, 'B'), h(3, 'B1')];
    expect(tableOfContents(short)).toEqual([]);
    const long = [h(2, 'A'), h(3, 'A1'), h(2, 'B'), h(2, 'C'), h(4, 'C1'), h(2, 'D')];
    expect(tableOfContents(long).map((e) => e.text)).toEqual(['A', 'A1', 'B', 'C', 'D']);
  });
});
