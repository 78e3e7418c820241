import { describe, expect, it } from 'vitest';

/** What `git log --format=%x00%cI --name-only` prints for two commits, newest first. */
const log =
  '\0' +
  '2024-03-02T10:00:00+01:00\n\ncontent/a.mdx\ncontent/b.yaml\n' +
  '\0' +
  '2023-01-01T08:30:00Z\n\ncontent/a.mdx\ncontent/c.mdx\n';

describe('git dates', async () => {
  const { parseGitLog } = await import('../../src/lib/git-dates');
  it('keeps the newest commit date of each file', () => {
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

describe('first commit dates', async () => {
  const { parseFirstCommitDates } = await import('../../src/lib/git-dates');
  it('keeps the oldest commit of each file, with its time', () => {
    expect(parseFirstCommitDates(log)).toEqual(
      new Map([
        ['content/a.mdx', '2023-01-01T08:30:00Z'],
        ['content/b.yaml', '2024-03-02T10:00:00+01:00'],
        ['content/c.mdx', '2023-01-01T08:30:00Z'],
      ]),
    );
    expect(parseFirstCommitDates('')).toEqual(new Map());
  });
});
