/**
 * The one frontmatter reader reads every file as the build does: the same fields as Astro's own frontmatter
 * split and YAML parser for every content file, Windows line endings and a byte-order mark included, and line
 * numbers that are the file's. The one difference on purpose: an impossible date stays the text it was.
 */
import { parseFrontmatter } from 'astro/markdown';
import yaml from 'js-yaml';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readMarkdown, readSource, readYaml } from '../../src/lib/frontmatter';
import { contentDir, walk } from '../helpers/site';

/** What Astro's loaders read from a file: its frontmatter through Astro's split, a YAML file through js-yaml. */
const astroReads = (file: string, text: string) =>
  file.endsWith('.mdx') ? parseFrontmatter(text).frontmatter : yaml.load(text);

describe('the frontmatter reader', () => {
  const files = walk(contentDir, (file) => /\.(mdx|yaml)$/.test(file));

  it('reads every content file exactly as Astro does, also saved with CRLF and a byte-order mark', () => {
    expect(files.length).toBeGreaterThan(100);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const variant of [text, text.replace(/\n/g, '\r\n'), `\uFEFF${text}`]) {
        const source = readSource(file, variant);
        expect(source.ok, file).toBe(true);
        if (source.ok) expect(source.data, file).toEqual(astroReads(file, variant));
      }
    }
  });

  it('keeps the body’s lines where they are in the file', () => {
    const source = readMarkdown('---\r\ntitle: x\r\nother: y\r\n---\r\n\r\n## Heading\r\n');
    expect(source.ok && source.body.split(/\r?\n/).indexOf('## Heading')).toBe(5);
    expect(source.ok && source.fieldLines.get('other')).toBe(3);
  });

  it('leaves an impossible date as text, where YAML would roll it over', () => {
    expect(yaml.load('start: 2021-02-30')).toEqual({ start: new Date('2021-03-02') });
    expect(readYaml('start: 2021-02-30\nend: 2021-02-28\n')).toMatchObject({
      ok: true,
      data: { start: '2021-02-30', end: new Date('2021-02-28') },
    });
  });

  it('says what is wrong with a file it cannot read, and where', () => {
    expect(readMarkdown('')).toEqual({ ok: false, problem: { message: 'the file is empty' } });
    expect(readMarkdown('---\ntitle: x\n\nBody.\n')).toMatchObject({ ok: false, problem: { line: 1 } });
    expect(readYaml('name: a\nshort: b: c\n')).toMatchObject({ ok: false, problem: { line: 2 } });
    expect(readYaml('- a\n- b\n')).toMatchObject({
      ok: false,
      problem: { message: expect.stringContaining('not as a list') },
    });
  });
});
