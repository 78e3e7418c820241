import { describe, expect, it } from 'vitest';

describe('git dates', async () => {
  const { parseGitLog } = await import('../../src/lib/git-dates');
  it('keeps the newest commit date of each file', () => {
    const log =
      '\0' +
      '2024-03-02T10:00:00+01:00\n\ncontent/a.mdx\ncontent/b.yaml\n' +
      '\0' +
      '2023-01-01T00:00:00Z\n\ncontent/a.mdx\ncontent/c.mdx\n';
    expect(parseGitLog(log)).toEqual(
      new Map([
        ['content/a.mdx', '2024-03-02'],
        ['content/b.yaml', '2024-03-02'],
        ['content/c.mdx', '2023-01-01'],
      ]),
    );
    expect(parseGitLog('')).toEqual(new Map());
  });
});
