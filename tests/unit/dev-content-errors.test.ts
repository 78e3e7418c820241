import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentFileProblems } from '../../src/integrations/dev-content-errors';

const dir = join(process.cwd(), 'content');
const talk = (frontmatter: string) => `---\n${frontmatter}\n---\n\n## What the talk covered\n`;
const valid = `title: A Talk
event: eu-2021
format: talk
themes: [networking]
summary: A summary that is long enough to describe the talk.`;

describe('schema errors in the dev overlay', () => {
  it('names the file and the field', () => {
    const file = join(dir, 'talks/eu-2021/a.mdx');
    expect(contentFileProblems(file, talk(valid.replace('format: talk', 'format: workshop')), dir)).toEqual([
      expect.stringMatching(/^content\/talks\/eu-2021\/a\.mdx: field "format": Invalid option/),
    ]);
    expect(contentFileProblems(file, talk(valid), dir)).toEqual([]);
  });
  it('reports broken YAML and checks data files too', () => {
    expect(contentFileProblems(join(dir, 'talks/eu-2021/a.mdx'), talk('title: a: b'), dir)[0]).toMatch(
      /a\.mdx: the frontmatter is not valid YAML/,
    );
    expect(contentFileProblems(join(dir, 'events/x.yaml'), 'name: X\n', dir)[0]).toMatch(
      /^content\/events\/x\.yaml: field "shortName"/,
    );
  });
  it('checks a recap’s index.mdx as a recap and the files beside it as notes', () => {
    expect(contentFileProblems(join(dir, 'recaps/blog/index.mdx'), '---\ntitle: A blog\n---\n', dir)[0]).toMatch(
      /^content\/recaps\/blog\/index\.mdx: field "author"/,
    );
    expect(contentFileProblems(join(dir, 'recaps/blog/dns.mdx'), '---\nverdict: Good\n---\n', dir)).toEqual([
      expect.stringMatching(/^content\/recaps\/blog\/dns\.mdx: field "talk"/),
    ]);
    expect(
      contentFileProblems(join(dir, 'recaps/blog/dns.mdx'), '---\ntalk: eu-2021/dns\n---\n\nText.\n', dir),
    ).toEqual([]);
  });
});
